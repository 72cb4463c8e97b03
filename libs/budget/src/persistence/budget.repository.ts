import { Injectable } from '@nestjs/common';
import { indicatorStream } from '@rl/indicators';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
import { BudgetCallRecord, BudgetLineRecord, FundedProjectRecord } from './budget.entities';

// The budget read models, as members' queries read them.
export abstract class BudgetReadModel {
  abstract line(cityId: CityId, id: string): Promise<BudgetLineRecord | null>;
  // By year, code and id, after the keyset cursor.
  abstract lines(cityId: CityId, after: CursorKey | undefined, limit: number): Promise<BudgetLineRecord[]>;
  abstract call(cityId: CityId, id: string): Promise<BudgetCallRecord | null>;
  // By id (ids are time-ordered: oldest first).
  abstract calls(cityId: CityId, after: CursorKey | undefined, limit: number): Promise<BudgetCallRecord[]>;
  // A call's projects: a line funds a bounded number of them.
  abstract projectsOfCall(cityId: CityId, callId: string): Promise<FundedProjectRecord[]>;
  // Whether the city has this indicator (its stream is in the city's log).
  abstract hasIndicator(cityId: CityId, indicatorId: string): Promise<boolean>;
  // Projects that declared a contribution to the indicator, by id.
  abstract projectsFor(
    cityId: CityId,
    indicatorId: string,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<FundedProjectRecord[]>;
}

@Injectable()
export class PgBudgetReadModel implements BudgetReadModel {
  constructor(private readonly db: TenantDb) {}

  line(cityId: CityId, id: string) {
    return this.db.inCity(cityId, (em) => em.findOneBy(BudgetLineRecord, { tenantId: cityId, id }));
  }

  lines(cityId: CityId, after: CursorKey | undefined, limit: number) {
    return this.db.inCity(cityId, (em) =>
      keysetPage(
        em.createQueryBuilder(BudgetLineRecord, 'l'),
        ['l.year', 'l.code', 'l.id'],
        after,
        limit,
      ).getMany(),
    );
  }

  call(cityId: CityId, id: string) {
    return this.db.inCity(cityId, (em) => em.findOneBy(BudgetCallRecord, { tenantId: cityId, id }));
  }

  calls(cityId: CityId, after: CursorKey | undefined, limit: number) {
    return this.db.inCity(cityId, (em) =>
      keysetPage(em.createQueryBuilder(BudgetCallRecord, 'c'), ['c.id'], after, limit).getMany(),
    );
  }

  projectsOfCall(cityId: CityId, callId: string) {
    return this.db.inCity(cityId, (em) =>
      em.find(FundedProjectRecord, { where: { tenantId: cityId, callId }, order: { id: 'ASC' } }),
    );
  }

  async hasIndicator(cityId: CityId, indicatorId: string): Promise<boolean> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<unknown[]>(`SELECT 1 FROM events WHERE tenant_id = $1 AND stream_id = $2 LIMIT 1`, [
        cityId,
        indicatorStream(indicatorId),
      ]),
    );
    return rows.length > 0;
  }

  projectsFor(cityId: CityId, indicatorId: string, after: CursorKey | undefined, limit: number) {
    return this.db.inCity(cityId, (em) =>
      keysetPage(
        em
          .createQueryBuilder(FundedProjectRecord, 'p')
          .where('p.contributions @> :probe::jsonb', { probe: JSON.stringify([{ indicatorId }]) }),
        ['p.id'],
        after,
        limit,
      ).getMany(),
    );
  }
}
