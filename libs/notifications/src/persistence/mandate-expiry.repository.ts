import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { aggregate, EventStore } from '@rl/event-store';
import { asCityId, CityId } from '@rl/kernel';
import {
  dayIn,
  EXPIRING_WITHIN_DAYS as EXPIRY_DAYS,
  expiryNoticeKey,
  expiryNoticeOwed,
  mandateDecider,
  mandateStream,
} from '@rl/mandates';
import { TenantDb } from '@rl/persistence';
import { cityFacts } from '../notice-context';
import { NoticeOutbox, nothingRecorded } from '../notice-outbox';

export interface OwedExpiryNotice {
  cityId: CityId;
  mandateId: string;
}

// The mandate expiry notices and their backlog (an in-memory one for unit tests lives in testing/).
export abstract class MandateExpiryNotices {
  // Records the notice of the mandate's current last day if it is owed today; nothing otherwise.
  abstract notifyIfOwed(cityId: CityId, mandateId: string, appUrl: string): Promise<void>;
  // The mandates of every city whose notice is owed today and not recorded.
  abstract owed(): Promise<OwedExpiryNotice[]>;
}

@Injectable()
export class PgMandateExpiryNotices implements MandateExpiryNotices {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly outbox: NoticeOutbox,
  ) {}

  // Decides and records in one transaction: the mandate is its stream as committed (every event before the
  // job's transaction), the notice a row under its key (a second run records nothing). Wakes the webhook
  // deliveries it recorded after commit.
  async notifyIfOwed(cityId: CityId, mandateId: string, appUrl: string): Promise<void> {
    const recorded = await this.db.inCity(cityId, async (em) => {
      const into = nothingRecorded();
      const now = new Date();
      const city = await cityFacts(em, cityId);
      const { state } = aggregate(
        mandateDecider,
        await this.events.readStream(cityId, mandateStream(mandateId), {}, em),
      );
      const validUntil = expiryNoticeOwed(state, dayIn(now, city.timezone));
      if (!state.exists || validUntil === null) return into;
      const people = await this.people(em, cityId, state.organisationId, state.holderUserId);
      await this.outbox.record(
        em,
        cityId,
        {
          key: expiryNoticeKey(mandateId, validUntil),
          kind: 'mandate.expiring',
          data: {
            citySlug: city.slug,
            cityName: city.name,
            organisationName: people.organisationName,
            holderName: people.holderName,
            // Its last day begins then: "ends in 12 days: 30 June".
            deadline: new Date(`${validUntil}T00:00:00Z`).toISOString(),
            link: `${appUrl}/cities/${city.slug}/organisations/${state.organisationId}/mandates/${mandateId}`,
          },
          recipients: people.coordinators,
          quietHours: city.quietHours,
        },
        now,
        into,
      );
      return into;
    });
    await this.outbox.wake(cityId, recorded);
  }

  private async people(em: EntityManager, cityId: CityId, organisationId: string, holderUserId: string) {
    const [row] = await em.query<
      { organisationName?: string; holderName?: string; coordinators: string[] }[]
    >(
      `SELECT (SELECT name FROM organisations WHERE tenant_id = $1 AND id = $2) AS "organisationName",
              (SELECT name FROM users WHERE id = $3) AS "holderName",
              ARRAY(SELECT user_id FROM memberships
                     WHERE tenant_id = $1 AND role = 'coordinator' AND active AND NOT pending)::text[] AS coordinators`,
      [cityId, organisationId, holderUserId],
    );
    return row;
  }

  // Per city, the mandates whose notice is owed today and not recorded (Redis lost their job, or the worker
  // was down when it fell due): the read model narrows them down, the stream decides.
  async owed(): Promise<OwedExpiryNotice[]> {
    const cities = await this.db.platform((em) => em.query<{ id: string }[]>(`SELECT id FROM cities`));
    const owed: OwedExpiryNotice[] = [];
    for (const { id } of cities) {
      const cityId = asCityId(id);
      const rows = await this.db.inCity(cityId, (em) =>
        em.query<{ id: string }[]>(
          `WITH today AS (SELECT (now() AT TIME ZONE timezone)::date AS day FROM cities WHERE id = $1)
           SELECT m.id FROM mandates m, today
            WHERE m.tenant_id = $1 AND NOT m.revoked AND m.valid_until BETWEEN today.day AND today.day + $2::int
              AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.tenant_id = $1
                                AND n.key = 'mandate-expiring:' || m.id || ':' || to_char(m.valid_until, 'YYYY-MM-DD'))`,
          [cityId, EXPIRY_DAYS],
        ),
      );
      owed.push(...rows.map((row) => ({ cityId, mandateId: row.id })));
    }
    return owed;
  }
}
