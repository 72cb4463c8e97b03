import { CityId, UserId } from '@rl/kernel';
import { CalendarTokens } from '../persistence/calendar.repository';
import { MyNotices, NoticeRow, NoticesFilter } from '../persistence/my-notices.repository';
import { NotificationPreferences, Preferences } from '../persistence/notification-preferences.repository';

// An in-app notice about a comment, as the inbox lists it.
export const noticeRow = (id: string, readAt: Date | null = null): NoticeRow => ({
  id,
  city: 'ghent',
  kind: 'comment.posted',
  data: { citySlug: 'ghent', cityName: 'Ghent', link: 'https://app.example.org/x' },
  createdAt: new Date('2025-03-01T10:00:00Z'),
  readAt,
});

// A person's inbox in memory: the notices they may read (what the database's policies let them see).
export class InMemoryMyNotices implements MyNotices {
  private readonly rows: (NoticeRow & { recipientId: UserId })[] = [];

  constructor(private readonly now = () => new Date()) {}

  given(recipientId: UserId, row: NoticeRow): this {
    this.rows.push({ ...row, recipientId });
    return this;
  }

  page(userId: UserId, filter: NoticesFilter): Promise<NoticeRow[] | undefined> {
    const mine = this.mine(userId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const from = filter.before === undefined ? 0 : mine.findIndex((n) => n.id === filter.before) + 1;
    if (from === 0 && filter.before !== undefined) return Promise.resolve(undefined);
    const wanted = mine.slice(from).filter((n) => !filter.unread || n.readAt === null);
    return Promise.resolve(wanted.slice(0, filter.limit + 1));
  }

  markRead(userId: UserId, noticeId: string): Promise<{ id: string; readAt: Date } | undefined> {
    const notice = this.mine(userId).find((n) => n.id === noticeId);
    if (notice) notice.readAt ??= this.now();
    return Promise.resolve(notice && { id: notice.id, readAt: notice.readAt ?? this.now() });
  }

  markAllRead(userId: UserId): Promise<{ marked: number; readAt: Date }> {
    const readAt = this.now();
    const unread = this.mine(userId).filter((n) => n.readAt === null);
    for (const notice of unread) notice.readAt = readAt;
    return Promise.resolve({ marked: unread.length, readAt });
  }

  private mine(userId: UserId) {
    return this.rows.filter((n) => n.recipientId === userId);
  }
}

export class InMemoryNotificationPreferences implements NotificationPreferences {
  readonly saved = new Map<UserId, Preferences>();

  get(userId: UserId): Promise<Preferences | undefined> {
    return Promise.resolve(this.saved.get(userId));
  }

  save(userId: UserId, preferences: Preferences): Promise<Preferences> {
    this.saved.set(userId, { ...preferences });
    return Promise.resolve(preferences);
  }
}

// Calendar links in memory: the hash of each member's link, by city.
export class InMemoryCalendarTokens implements CalendarTokens {
  readonly hashes = new Map<string, string>();

  static key = (cityId: CityId, userId: UserId) => `${cityId}:${userId}`;

  replace(cityId: CityId, userId: UserId, tokenHash: string): Promise<void> {
    this.hashes.set(InMemoryCalendarTokens.key(cityId, userId), tokenHash);
    return Promise.resolve();
  }

  revoke(cityId: CityId, userId: UserId): Promise<void> {
    this.hashes.delete(InMemoryCalendarTokens.key(cityId, userId));
    return Promise.resolve();
  }
}
