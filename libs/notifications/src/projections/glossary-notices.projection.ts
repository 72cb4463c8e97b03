import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { RecordedEvent } from '@rl/event-store';
import { GlossaryTermEvent, glossaryTermStream } from '@rl/glossary';
import { CityId, Clock, CLOCK } from '@rl/kernel';
import { Projection, ProjectionDefinition, Reactor, ReactorDefinition } from '@rl/projections';
import { IndicatorFollowEvent } from '../domain/indicator-follows';
import { cityFacts, CityFacts } from '../notice-context';
import { NoticeOutbox, nothingRecorded } from '../notice-outbox';
import { NotificationQueues } from '../notification-queues';
import { wakeDeliveries } from '../reactors/notice-wakeups.reactor';
import { NEWS_WINDOW_MS, noticeKey } from './notice-triggers.projection';

export const GLOSSARY_NOTICES_PROJECTION = 'glossary-notices';

// The glossary events that make a new revision of a term current.
export const TERM_CHANGE_EVENTS: readonly string[] = ['GlossaryProposalAdopted', 'GlossaryTermDeprecated'];
type TermChange = Extract<GlossaryTermEvent, { type: 'GlossaryProposalAdopted' | 'GlossaryTermDeprecated' }>;

interface LinkingIndicator {
  id: string;
  code: string;
  name: Record<string, string>;
}

// Who follows an indicator: who follows it explicitly (PUT …/follow), who commented on it (the comment
// followers of notice-triggers) and the collectors of the organisations assigned to report it (they
// collect the data a changed definition is about); among the city's active members, never the actor.
// The indicators linking the term come from the indicator catalogue and the commenters from
// notice-triggers: a term linked or a comment posted moments before the change may be missed, never
// the follows this projection keeps itself.
const FOLLOWERS = `
  SELECT DISTINCT f.user_id AS "userId" FROM (
    SELECT user_id FROM indicator_follows WHERE tenant_id = $1 AND indicator_id = $2
    UNION SELECT user_id FROM notice_follows WHERE tenant_id = $1 AND target_id = $2
    UNION SELECT m.user_id FROM assignments a
            JOIN memberships m ON m.tenant_id = a.tenant_id AND m.organisation_id = a.organisation_id
           WHERE a.tenant_id = $1 AND a.indicator_id = $2 AND a.status = 'active' AND m.role = 'collector'
  ) f
  JOIN memberships m ON m.tenant_id = $1 AND m.user_id = f.user_id AND m.active AND NOT m.pending
  WHERE f.user_id <> $3`;

// Keeps the explicit follows of indicators (indicator_follows) and records an in-app notice
// (`term.changed`) to the followers of every indicator that links a term when one of its proposals is
// adopted or it is deprecated. One notice per change and recipient (the key names the event), even when
// they follow several indicators linking the term; only news notifies (see notice-triggers).
@Injectable()
@ProjectionDefinition()
export class GlossaryNoticesProjection implements Projection {
  readonly name = GLOSSARY_NOTICES_PROJECTION;
  readonly handles = ['IndicatorFollowed', 'IndicatorUnfollowed', ...TERM_CHANGE_EVENTS];
  readonly tables = ['indicator_follows'];
  readonly replay = { alsoWrites: ['notices', 'webhook_deliveries'] };

  constructor(
    private readonly outbox: NoticeOutbox,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    let city: CityFacts | undefined;
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as IndicatorFollowEvent | TermChange;
      switch (event.type) {
        case 'IndicatorFollowed':
          await em.query(
            `INSERT INTO indicator_follows (tenant_id, indicator_id, user_id, followed_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING`,
            [cityId, event.data.indicatorId, event.data.userId, recorded.recordedAt],
          );
          break;
        case 'IndicatorUnfollowed':
          await em.query(
            `DELETE FROM indicator_follows WHERE tenant_id = $1 AND indicator_id = $2 AND user_id = $3`,
            [cityId, event.data.indicatorId, event.data.userId],
          );
          break;
        case 'GlossaryProposalAdopted':
        case 'GlossaryTermDeprecated': {
          if (this.clock.now().getTime() - recorded.recordedAt.getTime() >= NEWS_WINDOW_MS) break;
          city ??= await cityFacts(em, cityId);
          await this.notify(
            em,
            cityId,
            city,
            recorded,
            event.data.termId,
            event.type === 'GlossaryTermDeprecated',
          );
          break;
        }
      }
    }
  }

  private async notify(
    em: EntityManager,
    cityId: CityId,
    city: CityFacts,
    recorded: RecordedEvent,
    termId: string,
    deprecated: boolean,
  ): Promise<void> {
    const indicators = await em.query<LinkingIndicator[]>(
      `SELECT id, code, name FROM indicators WHERE tenant_id = $1 AND terms ? $2 ORDER BY code, id`,
      [cityId, termId],
    );
    if (indicators.length === 0) return;
    const termLabel = await this.termLabel(em, cityId, city, termId);
    const actor = recorded.metadata.actorId ?? '00000000-0000-0000-0000-000000000000';
    for (const indicator of indicators) {
      const followers = await em.query<{ userId: string }[]>(FOLLOWERS, [cityId, indicator.id, actor]);
      if (followers.length === 0) continue;
      // A recipient following two linking indicators gets the first one's notice: the key is the event's.
      await this.outbox.record(
        em,
        cityId,
        {
          key: noticeKey(recorded),
          kind: 'term.changed',
          data: {
            citySlug: city.slug,
            cityName: city.name,
            indicatorCode: indicator.code,
            indicatorName: indicator.name[city.defaultLocale] ?? Object.values(indicator.name)[0],
            termLabel,
            termDeprecated: deprecated,
            link: `${this.config.notifications.appUrl}/cities/${city.slug}/glossary/terms/${termId}`,
          },
          recipients: followers.map((f) => f.userId),
          quietHours: city.quietHours,
        },
        this.clock.now(),
        nothingRecorded(),
      );
    }
  }

  // The term's preferred label as last adopted, from the log (the glossary read model may lag behind).
  private async termLabel(em: EntityManager, cityId: CityId, city: CityFacts, termId: string) {
    const [row] = await em.query<{ label: Record<string, string> | null }[]>(
      `SELECT data->'content'->'prefLabel' AS label FROM events
        WHERE tenant_id = $1 AND stream_id = $2 AND type = 'GlossaryProposalAdopted'
        ORDER BY stream_version DESC LIMIT 1`,
      [cityId, glossaryTermStream(termId)],
    );
    const labels = row?.label ?? {};
    return labels[city.defaultLocale] ?? labels.en ?? Object.values(labels)[0];
  }
}

export const GLOSSARY_NOTICE_WAKEUPS_REACTOR = 'glossary-notice-wakeups';

// Enqueues the webhook deliveries recorded for term changes once the projection has committed them (the
// notices themselves are in-app only: nothing to send).
@Injectable()
@ReactorDefinition()
export class GlossaryNoticeWakeupsReactor implements Reactor {
  readonly name = GLOSSARY_NOTICE_WAKEUPS_REACTOR;
  readonly follows = GLOSSARY_NOTICES_PROJECTION;
  readonly handles = TERM_CHANGE_EVENTS;
  readonly afterRebuild = 'skip';

  constructor(private readonly queues: NotificationQueues) {}

  react(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    return wakeDeliveries(em, this.queues, cityId, events.map(noticeKey));
  }
}
