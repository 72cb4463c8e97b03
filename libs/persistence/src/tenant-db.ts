import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CityId, UserId } from '@rl/kernel';
import { PUBLIC_READER_ROLE, PUBLISHED_READER_ROLE } from './rls';

// Every tenant-scoped read or write runs in a transaction that names its city, so row-level security
// (policies on app.tenant_id) decides what the statement can see; forgetting a WHERE cannot leak data.
@Injectable()
export class TenantDb {
  constructor(private readonly dataSource: DataSource) {}

  inCity<T>(cityId: CityId, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`select set_config('app.tenant_id', $1, true)`, [cityId]);
      return work(em);
    });
  }

  // Like inCity, read-only, with every statement on one snapshot: for reads that span many statements
  // and must agree with each other while the city keeps writing (the chain verifier).
  inCitySnapshot<T>(cityId: CityId, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      await em.query(`select set_config('app.tenant_id', $1, true)`, [cityId]);
      return work(em);
    });
  }

  // Like inCitySnapshot (one snapshot for every statement), but `work` may create temporary tables as a
  // scratch space, and the transaction always rolls back: nothing it did outlives it (a read-model
  // verification replays the log into such tables).
  async inCityScratch<T>(cityId: CityId, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`select set_config('app.tenant_id', $1, true)`, [cityId]);
      return await work(runner.manager);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  // For a user's own rows across cities (their memberships), which policies grant on app.user_id.
  asUser<T>(userId: UserId, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`select set_config('app.user_id', $1, true)`, [userId]);
      return work(em);
    });
  }

  // Published data of every city, read-only, as a reader role: 'members' (signed-in users of any city)
  // sees what cities made comparable or public, 'public' (anonymous) only what they made public.
  published<T>(audience: 'members' | 'public', work: (em: EntityManager) => Promise<T>): Promise<T> {
    const role = audience === 'public' ? PUBLIC_READER_ROLE : PUBLISHED_READER_ROLE;
    return this.dataSource.transaction(async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      // No city: only the reader role's policies decide what is visible.
      await em.query(`select set_config('app.tenant_id', '', true)`);
      await em.query(`SET LOCAL ROLE ${role}`);
      return work(em);
    });
  }

  // Platform tables (cities, users, tokens) carry no tenant and need no city setting.
  platform<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
