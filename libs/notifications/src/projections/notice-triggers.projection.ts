import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { CommentEvent } from '@rl/comments';
import { ERASED, PERSON_DATA_ERASED, PersonDataErasedData, RecordedEvent } from '@rl/event-store';
import { CityId, Clock, CLOCK } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { SubmissionEvent } from '@rl/reporting';
import { cityFacts, CityFacts, workFacts } from '../notice-context';
import { NoticeDraft, NoticeOutbox, nothingRecorded } from '../notice-outbox';

// Events older than this (a rebuild, a projection deployed over existing history) keep the follows up to
// date but notify nobody: news must be news.
export const NEWS_WINDOW_MS = 86_400_000;
const EXCERPT_LENGTH = 200;

export const NOTICE_TRIGGERS_PROJECTION = 'notice-triggers';

// The events that notify, and the key their notices and webhook deliveries are recorded under.
export const NOTIFYING_EVENTS: readonly string[] = [
  'SubmissionValidated',
  'SubmissionReturned',
  'CommentPosted',
];
export const noticeKey = (event: RecordedEvent) => `event:${event.eventId}`;

// Notices caused by events: a submission validated or returned (to those who submitted or corrected it),
// a comment (to everyone who follows its target: its submitter and earlier commenters). Recorded in the
// projection's transaction, so each event notifies exactly once. The quiet hours come from the log
// (cityFacts), not from the reminder schedule's tables, which may lag behind a policy change. It talks
// to no queue: the notice-wakeups reactor enqueues the deliveries once this transaction has committed.
@Injectable()
@ProjectionDefinition()
export class NoticeTriggersProjection implements Projection {
  readonly name = NOTICE_TRIGGERS_PROJECTION;
  readonly handles = [
    'SubmissionSubmitted',
    'SubmissionCorrected',
    'SubmissionValidated',
    'SubmissionReturned',
    'CommentPosted',
    PERSON_DATA_ERASED,
  ];
  readonly tables = ['notice_follows'];
  readonly replay = { alsoWrites: ['notices', 'webhook_deliveries'] };

  constructor(
    private readonly outbox: NoticeOutbox,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    let city: CityFacts | undefined;
    for (const recordedEvent of events) {
      if (recordedEvent.type === PERSON_DATA_ERASED) {
        await this.eraseCopies(em, cityId, (recordedEvent.data as PersonDataErasedData).subjectId);
        continue;
      }
      const event = { type: recordedEvent.type, data: recordedEvent.data } as SubmissionEvent | CommentEvent;
      const actor = recordedEvent.metadata.actorId;
      const news = this.clock.now().getTime() - recordedEvent.recordedAt.getTime() < NEWS_WINDOW_MS;
      switch (event.type) {
        case 'SubmissionSubmitted':
        case 'SubmissionCorrected':
          await this.follow(em, cityId, event.data.submissionId, actor);
          break;
        case 'SubmissionValidated':
        case 'SubmissionReturned': {
          if (!news) break;
          city ??= await cityFacts(em, cityId);
          const data = await workFacts(em, this.config, city, {
            ...event.data,
            path: `submissions/${event.data.submissionId}`,
          });
          await this.notifyFollowers(em, cityId, event.data.submissionId, actor, {
            key: noticeKey(recordedEvent),
            kind: event.type === 'SubmissionReturned' ? 'submission.returned' : 'submission.validated',
            data: event.type === 'SubmissionReturned' ? { ...data, reason: event.data.reason } : data,
            quietHours: city.quietHours,
          });
          break;
        }
        case 'CommentPosted': {
          const { target, author, body } = event.data;
          if (news) {
            city ??= await cityFacts(em, cityId);
            const [who] = await em.query<{ name: string }[]>(`SELECT name FROM users WHERE id = $1`, [
              author.id,
            ]);
            await this.notifyFollowers(em, cityId, target.id, author.id, {
              key: noticeKey(recordedEvent),
              kind: 'comment.posted',
              data: {
                citySlug: city.slug,
                cityName: city.name,
                authorName: who?.name,
                commentExcerpt: body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH)}…` : body,
                link: `${this.config.notifications.appUrl}/cities/${city.slug}/comments?targetKind=${target.kind}&targetId=${target.id}`,
              },
              quietHours: city.quietHours,
            });
          }
          await this.follow(em, cityId, target.id, author.id);
          break;
        }
        case 'CommentEdited':
        case 'CommentRetracted':
          break;
      }
    }
  }

  private async follow(em: EntityManager, cityId: CityId, targetId: string, userId: string | undefined) {
    if (!userId) return;
    await em.query(
      `INSERT INTO notice_follows (tenant_id, target_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [cityId, targetId, userId],
    );
  }

  // Notices and webhook deliveries copy a person's text (a comment excerpt, a return reason) out of the
  // events that carried it encrypted: an erasure blanks those copies too (what was already sent is out of
  // reach). Which copies hold whose text follows from the event each was recorded for (`event:<id>`).
  private async eraseCopies(em: EntityManager, cityId: CityId, subjectId: string): Promise<void> {
    await em.query(
      `WITH copies AS (
         SELECT 'event:' || e.event_id AS key,
                CASE e.type WHEN 'CommentPosted' THEN 'commentExcerpt' ELSE 'reason' END AS field
           FROM events e
          WHERE e.tenant_id = $1 AND e.type IN ('CommentPosted', 'SubmissionReturned')
            AND coalesce(e.data->'author'->>'id', e.actor_id) = $2),
       in_notices AS (
         UPDATE notices n SET data = jsonb_set(n.data, ARRAY[c.field], to_jsonb($3::text))
           FROM copies c WHERE n.tenant_id = $1 AND n.key = c.key AND n.data ? c.field)
       UPDATE webhook_deliveries d SET payload = jsonb_set(d.payload, ARRAY['data', c.field], to_jsonb($3::text))
         FROM copies c WHERE d.tenant_id = $1 AND d.key = c.key AND d.payload->'data' ? c.field`,
      [cityId, subjectId, ERASED],
    );
  }

  private async notifyFollowers(
    em: EntityManager,
    cityId: CityId,
    targetId: string,
    actorId: string | undefined,
    draft: Omit<NoticeDraft, 'recipients'>,
  ): Promise<void> {
    const followers = await em.query<{ userId: string }[]>(
      `SELECT user_id AS "userId" FROM notice_follows WHERE tenant_id = $1 AND target_id = $2 AND user_id <> $3`,
      [cityId, targetId, actorId ?? '00000000-0000-0000-0000-000000000000'],
    );
    if (followers.length === 0) return;
    await this.outbox.record(
      em,
      cityId,
      { ...draft, recipients: followers.map((f) => f.userId) },
      this.clock.now(),
      // What to wake is read back by the notice-wakeups reactor after commit.
      nothingRecorded(),
    );
  }
}
