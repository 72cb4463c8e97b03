import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { RecordedEvent } from '@rl/event-store';
import { CityId, Clock, CLOCK, isEventOf } from '@rl/kernel';
import { MeetingEvent, meetingStream } from '@rl/meetings';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { cityFacts, CityFacts } from '../notice-context';
import { NoticeOutbox, nothingRecorded } from '../notice-outbox';

// As for the other notices: older events (a rebuild, a first deployment over history) notify nobody.
const NEWS_WINDOW_MS = 86_400_000;

export const MEETING_INVITATIONS_PROJECTION = 'meeting-invitations';
type Inviting = Extract<MeetingEvent, { type: 'MeetingScheduled' | 'MeetingInvitationsChanged' }>;
const INVITING: readonly Inviting['type'][] = ['MeetingScheduled', 'MeetingInvitationsChanged'];

// In-app notices of meeting invitations: to the invited members and to the members of the invited
// organisations (as the memberships are when the invitation is recorded), never to whoever sent it.
// One notice per meeting and person, however often the invitations change (the key names the meeting).
// Recorded in the projection's transaction; in-app notices need no delivery, and webhook deliveries
// are picked up by the notification reconciler.
@Injectable()
@ProjectionDefinition()
export class MeetingInvitationsProjection implements Projection {
  readonly name = MEETING_INVITATIONS_PROJECTION;
  readonly handles = INVITING;
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
      if (!isEventOf<Inviting>(INVITING, event)) continue;
      if (this.clock.now().getTime() - event.recordedAt.getTime() >= NEWS_WINDOW_MS) continue;
      const { meetingId, invitedOrganisationIds, invitedUserIds } = event.data;
      const recipients = await em.query<{ userId: string }[]>(
        `SELECT user_id AS "userId" FROM memberships
          WHERE tenant_id = $1 AND active AND NOT pending AND user_id <> $4
            AND (user_id = ANY($2::uuid[]) OR organisation_id = ANY($3::uuid[]))`,
        [
          cityId,
          invitedUserIds,
          invitedOrganisationIds,
          event.metadata.actorId ?? '00000000-0000-0000-0000-000000000000',
        ],
      );
      if (recipients.length === 0) continue;
      const meeting = await meetingAt(em, meetingId, event.position);
      // A meeting recorded after it took place invites nobody any more.
      if (meeting.endsAt !== undefined && new Date(meeting.endsAt) < this.clock.now()) continue;
      city ??= await cityFacts(em, cityId);
      await this.outbox.record(
        em,
        cityId,
        {
          key: `meeting-invited:${meetingId}`,
          kind: 'meeting.invited',
          data: {
            citySlug: city.slug,
            cityName: city.name,
            meetingTitle: meeting.title,
            deadline: meeting.startsAt,
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
}

// The meeting's title and time as of the invitation (its events carry no personal data: raw reads).
async function meetingAt(em: EntityManager, meetingId: string, position: number): Promise<MeetingFacts> {
  const rows = await em.query<{ data: MeetingFacts }[]>(
    `SELECT data FROM events
      WHERE stream_id = $1 AND position <= $2 AND type IN ('MeetingScheduled', 'MeetingRevised', 'MeetingRescheduled')
      ORDER BY position`,
    [meetingStream(meetingId), position],
  );
  return rows.reduce<MeetingFacts>(
    (meeting, { data }) => ({
      title: data.title ?? meeting.title,
      startsAt: data.startsAt ?? meeting.startsAt,
      endsAt: data.endsAt ?? meeting.endsAt,
    }),
    {},
  );
}
