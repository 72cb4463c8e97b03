import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { RecordedEvent } from '@rl/event-store';
import { CityId, Clock, CLOCK, isEventOf } from '@rl/kernel';
import { MeetingEvent, meetingStream } from '@rl/meetings';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { NoticeKind } from '../domain/notice';
import { cityFacts, CityFacts } from '../notice-context';
import { NoticeOutbox, nothingRecorded } from '../notice-outbox';

// As for the other notices: older events (a rebuild, a first deployment over history) notify nobody.
const NEWS_WINDOW_MS = 86_400_000;

export const MEETING_INVITATIONS_PROJECTION = 'meeting-invitations';
type Noticed = Extract<
  MeetingEvent,
  { type: 'MeetingScheduled' | 'MeetingInvitationsChanged' | 'MeetingRescheduled' | 'MeetingCancelled' }
>;
const NOTICED: readonly Noticed['type'][] = [
  'MeetingScheduled',
  'MeetingInvitationsChanged',
  'MeetingRescheduled',
  'MeetingCancelled',
];

// What each event tells the invited: an invitation once per meeting and person, however often the
// invitations change (the key names the meeting); each move of the meeting (the key names the event);
// its cancellation.
const NOTICES: Record<
  Noticed['type'],
  (event: RecordedEvent & Noticed) => { key: string; kind: NoticeKind }
> = {
  MeetingScheduled: (e) => ({ key: `meeting-invited:${e.data.meetingId}`, kind: 'meeting.invited' }),
  MeetingInvitationsChanged: (e) => ({ key: `meeting-invited:${e.data.meetingId}`, kind: 'meeting.invited' }),
  MeetingRescheduled: (e) => ({
    key: `meeting-rescheduled:${e.data.meetingId}:${e.position}`,
    kind: 'meeting.rescheduled',
  }),
  MeetingCancelled: (e) => ({ key: `meeting-cancelled:${e.data.meetingId}`, kind: 'meeting.cancelled' }),
};

// In-app notices (and e-mails for moves and cancellations) of meetings to the invited members and the
// members of the invited organisations (as the memberships are when the event is recorded), never to
// whoever caused it; invitations as they stand at the event. Recorded in the projection's transaction;
// deliveries are picked up by the notification reconciler.
@Injectable()
@ProjectionDefinition()
export class MeetingInvitationsProjection implements Projection {
  readonly name = MEETING_INVITATIONS_PROJECTION;
  readonly handles = NOTICED;
  readonly tables = [];
  readonly replay = { alsoWrites: ['notices', 'webhook_deliveries'] };

  constructor(
    private readonly outbox: NoticeOutbox,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    let city: CityFacts | undefined;
    for (const event of events) {
      if (!isEventOf<Noticed>(NOTICED, event)) continue;
      if (this.clock.now().getTime() - event.recordedAt.getTime() >= NEWS_WINDOW_MS) continue;
      const { meetingId } = event.data;
      const meeting = await meetingAt(em, meetingId, event.position);
      // A meeting that has taken place (a move: at its new time) is no news any more.
      if (meeting.endsAt !== undefined && new Date(meeting.endsAt) < this.clock.now()) continue;
      const recipients = await em.query<{ userId: string }[]>(
        `SELECT user_id AS "userId" FROM memberships
          WHERE tenant_id = $1 AND active AND NOT pending AND user_id <> $4
            AND (user_id = ANY($2::uuid[]) OR organisation_id = ANY($3::uuid[]))`,
        [
          cityId,
          meeting.invitedUserIds,
          meeting.invitedOrganisationIds,
          event.metadata.actorId ?? '00000000-0000-0000-0000-000000000000',
        ],
      );
      if (recipients.length === 0) continue;
      city ??= await cityFacts(em, cityId);
      const { key, kind } = NOTICES[event.type](event);
      await this.outbox.record(
        em,
        cityId,
        {
          key,
          kind,
          data: {
            citySlug: city.slug,
            cityName: city.name,
            meetingTitle: meeting.title,
            deadline: meeting.startsAt,
            ...(event.type === 'MeetingCancelled' && event.data.reason && { reason: event.data.reason }),
            link: `${this.config.notifications.appUrl}/cities/${city.slug}/meetings/${meetingId}`,
          },
          recipients: recipients.map((r) => r.userId),
          quietHours: city.quietHours,
        },
        this.clock.now(),
        nothingRecorded(),
      );
    }
  }
}

interface MeetingFacts {
  title?: string;
  startsAt?: string;
  endsAt?: string;
  invitedOrganisationIds: string[];
  invitedUserIds: string[];
}

// The meeting's title, time and invitations as of the event (for a move: its new time); its events carry
// no personal data: raw reads.
async function meetingAt(em: EntityManager, meetingId: string, position: number): Promise<MeetingFacts> {
  const rows = await em.query<{ data: Partial<MeetingFacts> }[]>(
    `SELECT data FROM events
      WHERE stream_id = $1 AND position <= $2
        AND type IN ('MeetingScheduled', 'MeetingRevised', 'MeetingRescheduled', 'MeetingInvitationsChanged')
      ORDER BY position`,
    [meetingStream(meetingId), position],
  );
  return rows.reduce<MeetingFacts>(
    (meeting, { data }) => ({
      title: data.title ?? meeting.title,
      startsAt: data.startsAt ?? meeting.startsAt,
      endsAt: data.endsAt ?? meeting.endsAt,
      invitedOrganisationIds: data.invitedOrganisationIds ?? meeting.invitedOrganisationIds,
      invitedUserIds: data.invitedUserIds ?? meeting.invitedUserIds,
    }),
    { invitedOrganisationIds: [], invitedUserIds: [] },
  );
}
