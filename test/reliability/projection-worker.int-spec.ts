import { INestApplicationContext, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { EventStore, RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { databaseUrl, TenantDb } from '@rl/persistence';
import {
  Checkpoints,
  Projection,
  ProjectionDefinition,
  ProjectionRebuilder,
  ProjectionRunner,
  StaleCheckpointError,
  WORKER_ID,
} from '@rl/projections';
import { ORGANISATIONS_PROJECTION, OrganisationsProjection, organisationStream } from '@rl/stakeholders';
import { createWorker } from '@rl/worker';
import {
  adminClient,
  bootContext,
  checkpoint,
  deleteQueueKeys,
  eventually,
  foldedReadModel,
  head,
  newCity,
  OrganisationRow,
  readModel,
  reliabilityConfig,
  seedOrganisations,
  sleep,
  spawnTs,
  withoutInstants,
} from './support/reliability';
import {
  createDeliveriesTable,
  deliveries,
  DELIVERIES_PROJECTION,
  DeliveryCountingProjection,
  dropDeliveriesTable,
} from './support/delivery-counting.projection';

jest.setTimeout(180_000);

const POISON_PROJECTION = 'reliability-poison';
const POISONED_NAME = 'Name this projection cannot digest';

// A projection that chokes on one particular rename and writes nothing; it remembers what it was given.
@Injectable()
@ProjectionDefinition()
class PoisonSensitiveProjection implements Projection {
  readonly name = POISON_PROJECTION;
  readonly handles = ['OrganisationRenamed'];
  readonly tables = [];
  readonly delivered = new Set<string>();

  async apply(_em: EntityManager, _cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if ((event.data as { name: string }).name === POISONED_NAME)
        throw new Error(`cannot digest event ${event.eventId}`);
      this.delivered.add(event.eventId);
    }
  }
}

class Rollback extends Error {}

describe('Projection workers', () => {
  let config: AppConfig;
  let context: INestApplicationContext;
  let admin: Client;
  let store: EventStore;
  let db: TenantDb;
  let runner: ProjectionRunner;
  let organisations: OrganisationsProjection;

  beforeAll(async () => {
    config = reliabilityConfig({ DB_POOL_SIZE: '20' });
    admin = await adminClient(databaseUrl(config, 'admin'));
    await createDeliveriesTable(admin, config.database.appRole);
    context = await bootContext(config, [PoisonSensitiveProjection, DeliveryCountingProjection]);
    store = context.get(EventStore);
    db = context.get(TenantDb);
    runner = context.get(ProjectionRunner);
    organisations = context.get(OrganisationsProjection);
  });

  afterAll(async () => {
    await context?.close();
    if (admin) await dropDeliveriesTable(admin);
    await admin?.end();
    if (config) await deleteQueueKeys(config);
  });

  // Runs `work` in a city transaction that is rolled back afterwards, and returns its result.
  const rolledBack = async <T>(cityId: CityId, work: (em: EntityManager) => Promise<T>): Promise<T> => {
    let result: T | undefined;
    await db
      .inCity(cityId, async (em) => {
        result = await work(em);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return result as T;
  };

  const rowsIn = (em: EntityManager, cityId: CityId) =>
    em.query<OrganisationRow[]>(
      `SELECT id::text, name, kind::text, version, created_at::text, updated_at::text
         FROM organisations WHERE tenant_id = $1 ORDER BY id::text COLLATE "C"`,
      [cityId],
    );

  const deadLetters = async (cityId: CityId, projection: string) =>
    (
      await admin.query<{ position: string; event_id: string; event_type: string; error: string }>(
        `SELECT position, event_id, event_type, error FROM projection_dead_letters
          WHERE tenant_id = $1 AND projection = $2 ORDER BY position`,
        [cityId, projection],
      )
    ).rows;

  // catchUp until it owns the projection (a killed owner's connection may take a moment to be reaped).
  const catchUpOwned = async (cityId: CityId, projection: Projection, batch?: number): Promise<number> => {
    const last: { reached: number | null } = { reached: null };
    const owned = await eventually(async () => {
      last.reached = await runner.catchUp(cityId, projection, batch);
      return last.reached !== null;
    }, 15_000);
    expect(owned).toBe(true);
    return last.reached ?? 0;
  };

  // The read model is exactly the fold of the log up to the checkpoint, and agrees with a rebuild.
  const expectExactlyOnce = async (cityId: CityId) => {
    const position = await checkpoint(admin, cityId, ORGANISATIONS_PROJECTION);
    expect(position).toBe(await head(admin, cityId));
    const rows = await readModel(admin, cityId);
    expect(rows).toEqual(await foldedReadModel(admin, cityId, position));
    await context.get(ProjectionRebuilder).rebuild(cityId, organisations);
    expect(await readModel(admin, cityId)).toEqual(rows);
    expect(await checkpoint(admin, cityId, ORGANISATIONS_PROJECTION)).toBe(position);
    expect(await deadLetters(cityId, ORGANISATIONS_PROJECTION)).toEqual([]);
    return rows;
  };

  it('leaves the read model unchanged when every event is delivered twice', async () => {
    const cityId = await newCity(admin, 'replay');
    const expected = await seedOrganisations(admin, cityId, 60, 7);
    const events = await store.readLog(cityId, 0, 10_000);
    expect(events).toHaveLength(60 * 7);

    const once = await rolledBack(cityId, async (em) => {
      await organisations.apply(em, cityId, events);
      return rowsIn(em, cityId);
    });
    expect(once.map(withoutInstants)).toEqual(expected);
    expect(once).toEqual(await foldedReadModel(admin, cityId, events.length));

    // The whole log twice in a row, each event twice within one batch, and overlapping redeliveries
    // of small batches (a worker that crashed after applying but before its checkpoint committed).
    const twice = await rolledBack(cityId, async (em) => {
      await organisations.apply(em, cityId, events);
      await organisations.apply(em, cityId, events);
      return rowsIn(em, cityId);
    });
    const doubled = await rolledBack(cityId, async (em) => {
      await organisations.apply(
        em,
        cityId,
        events.flatMap((e) => [e, e]),
      );
      return rowsIn(em, cityId);
    });
    const overlapping = await rolledBack(cityId, async (em) => {
      for (let from = 0; from < events.length; from += 13) {
        const batch = events.slice(Math.max(0, from - 13), from + 13);
        await organisations.apply(em, cityId, batch);
        await organisations.apply(em, cityId, batch);
      }
      return rowsIn(em, cityId);
    });
    expect(twice).toEqual(once);
    expect(doubled).toEqual(once);
    expect(overlapping).toEqual(once);

    // Committed, then redelivered in later transactions: still the same rows.
    await catchUpOwned(cityId, organisations);
    expect(await readModel(admin, cityId)).toEqual(once);
    for (const batch of [events, events.slice(100, 200)]) {
      await db.inCity(cityId, (em) => organisations.apply(em, cityId, batch));
      expect(await readModel(admin, cityId)).toEqual(once);
    }
  });

  it('recovers from workers killed with SIGKILL mid-batch, with an exactly-once effect', async () => {
    const cityId = await newCity(admin, 'sigkill');
    const expected = await seedOrganisations(admin, cityId, 2_000, 10);
    const last = await head(admin, cityId);
    expect(last).toBe(20_000);

    const lockHeld = async () =>
      (
        await admin.query<{ held: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                   AND classid = hashtext($1)::oid AND objid = hashtext($2)::oid AND objsubid = 2) AS held`,
          [ORGANISATIONS_PROJECTION, cityId],
        )
      ).rows[0].held;

    // A real worker process catching up both projections in batches of 10 events, killed once the
    // organisations checkpoint has moved `progress` past `from` (not at the head), while it holds the
    // projection's lock — that is, inside a batch.
    const killWorker = async (from: number, progress: number) => {
      const { child, output, exited } = spawnTs(join(__dirname, 'support', 'catch-up-child.ts'), {
        DATABASE_URL: config.database.url,
        QUEUE_PREFIX: config.redis.queuePrefix,
        LOG_LEVEL: 'silent',
        CITY_ID: cityId,
        PROJECTIONS: `${ORGANISATIONS_PROJECTION},${DELIVERIES_PROJECTION}`,
        BATCH_SIZE: '10',
      });
      let killedAt = -1;
      const caught = await eventually(
        async () => {
          if (child.exitCode !== null) return true;
          const position = await checkpoint(admin, cityId, ORGANISATIONS_PROJECTION);
          if (position >= from + progress && position < last - 2_000 && (await lockHeld())) {
            child.kill('SIGKILL');
            killedAt = position;
            return true;
          }
          return false;
        },
        60_000,
        5,
      );
      if (!caught) child.kill('SIGKILL');
      const exit = await exited;
      expect({ caught, exit }).toEqual({ caught: true, exit: 'SIGKILL' });
      expect(output()).toContain('started');
      expect(output()).not.toContain('finished');
      return killedAt;
    };

    let stoppedAt = 0;
    for (let round = 0; round < 3; round++) {
      const killedAt = await killWorker(stoppedAt, 1_500);
      // PostgreSQL rolls the dead worker's open batch back once it notices the closed connection.
      expect(await eventually(async () => !(await lockHeld()), 15_000)).toBe(true);
      stoppedAt = await checkpoint(admin, cityId, ORGANISATIONS_PROJECTION);
      expect(stoppedAt).toBeGreaterThanOrEqual(killedAt);
      expect(stoppedAt).toBeLessThan(last);
      // What the dead worker committed is consistent: each read model is the log up to its checkpoint,
      // and the unfinished batches left no trace.
      expect(await readModel(admin, cityId)).toEqual(await foldedReadModel(admin, cityId, stoppedAt));
      const countedTo = await checkpoint(admin, cityId, DELIVERIES_PROJECTION);
      expect(await deliveries(admin, cityId, countedTo)).toEqual({
        events: countedTo,
        counted: countedTo,
        min: countedTo > 0 ? 1 : null,
        max: countedTo > 0 ? 1 : null,
      });
    }

    // Another worker takes over and finishes; the result equals a from-scratch rebuild, and every
    // event was counted exactly once across the crashes.
    expect(await catchUpOwned(cityId, organisations, 500)).toBe(last);
    expect(await catchUpOwned(cityId, context.get(DeliveryCountingProjection), 500)).toBe(last);
    const rows = await expectExactlyOnce(cityId);
    expect(rows.map(withoutInstants)).toEqual(expected);
    expect(await deliveries(admin, cityId, last)).toEqual({ events: last, counted: last, min: 1, max: 1 });
  });

  it('has one owner at a time when two runners catch up the same projection and city', async () => {
    const cityId = await newCity(admin, 'two-runners');
    const expected = await seedOrganisations(admin, cityId, 300, 10);
    const last = await head(admin, cityId);
    const second = await bootContext(config, [DeliveryCountingProjection]);
    const counting = context.get(DeliveryCountingProjection);
    try {
      const runners = [runner, second.get(ProjectionRunner), runner, second.get(ProjectionRunner)];
      const results = await Promise.all(
        [organisations, counting].flatMap((projection) =>
          runners.map((r) => r.catchUp(cityId, projection, 20)),
        ),
      );
      // Each either owned the projection to the head or found it owned (null); somebody finished each.
      for (const result of results) expect([null, last]).toContain(result);
      expect(results.slice(0, 4)).toContain(last);
      expect(results.slice(4)).toContain(last);
    } finally {
      await second.close();
    }
    const rows = await expectExactlyOnce(cityId);
    expect(rows.map(withoutInstants)).toEqual(expected);
    // Every event was applied exactly once.
    expect(await checkpoint(admin, cityId, DELIVERIES_PROJECTION)).toBe(last);
    expect(await deliveries(admin, cityId, last)).toEqual({ events: last, counted: last, min: 1, max: 1 });
  });

  it('skips a city while another worker holds its projection lock, and does not move the checkpoint', async () => {
    const cityId = await newCity(admin, 'busy');
    await seedOrganisations(admin, cityId, 20, 5);
    const last = await head(admin, cityId);
    const holder = await adminClient(databaseUrl(config, 'admin'));
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [
        ORGANISATIONS_PROJECTION,
        cityId,
      ]);
      expect(await runner.catchUp(cityId, organisations)).toBeNull();
      expect(await checkpoint(admin, cityId, ORGANISATIONS_PROJECTION)).toBe(0);
      expect(await readModel(admin, cityId)).toEqual([]);
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    expect(await runner.catchUp(cityId, organisations)).toBe(last);
    await expectExactlyOnce(cityId);
  });

  it('refuses to let a stale owner move the checkpoint', async () => {
    const cityId = await newCity(admin, 'stale');
    await seedOrganisations(admin, cityId, 10, 4);
    const checkpoints = context.get(Checkpoints);
    const first = await catchUpOwned(cityId, organisations);

    // A worker read the checkpoint, then stalled (its lock lapsed); meanwhile another worker moved on.
    await seedOrganisations(admin, cityId, 10, 4);
    const last = await head(admin, cityId);
    let resumeStale!: () => void;
    const resumed = new Promise<void>((resolve) => (resumeStale = resolve));
    let readByStale = -1;
    const stale = db.inCity(cityId, async (em) => {
      readByStale = await checkpoints.read(em, cityId, ORGANISATIONS_PROJECTION);
      await resumed;
      await checkpoints.advance(em, cityId, ORGANISATIONS_PROJECTION, readByStale, last, 'stale-worker');
    });
    await eventually(async () => readByStale >= 0, 5_000, 5);
    expect(await runner.catchUp(cityId, organisations)).toBe(last);
    resumeStale();
    await expect(stale).rejects.toBeInstanceOf(StaleCheckpointError);
    expect(readByStale).toBe(first);
    const { rows } = await admin.query(
      `SELECT position::int, owner FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2`,
      [cityId, ORGANISATIONS_PROJECTION],
    );
    expect(rows).toEqual([{ position: last, owner: WORKER_ID }]);
  });

  it('lets exactly one of two concurrent compare-and-sets from the same position win', async () => {
    const cityId = await newCity(admin, 'cas');
    await seedOrganisations(admin, cityId, 5, 4);
    const checkpoints = context.get(Checkpoints);
    const from = await db.inCity(cityId, (em) => checkpoints.read(em, cityId, ORGANISATIONS_PROJECTION));

    let commitFirst!: () => void;
    const gate = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstMoved = false;
    const first = db.inCity(cityId, async (em) => {
      await checkpoints.advance(em, cityId, ORGANISATIONS_PROJECTION, from, from + 5, 'owner-a');
      firstMoved = true;
      await gate;
    });
    await eventually(async () => firstMoved, 5_000, 5);
    // The second waits on the row the first has updated, then finds it no longer at `from`.
    const second = db.inCity(cityId, (em) =>
      checkpoints.advance(em, cityId, ORGANISATIONS_PROJECTION, from, from + 10, 'owner-b'),
    );
    const waiting = await eventually(
      async () =>
        (
          await admin.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
                AND wait_event_type = 'Lock' AND query ILIKE '%UPDATE projection_checkpoints%'`,
          )
        ).rows[0].n === 1,
      5_000,
      5,
    );
    commitFirst();
    await first;
    await expect(second).rejects.toBeInstanceOf(StaleCheckpointError);
    expect(waiting).toBe(true);
    const { rows } = await admin.query(
      `SELECT position::int, owner FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2`,
      [cityId, ORGANISATIONS_PROJECTION],
    );
    expect(rows).toEqual([{ position: from + 5, owner: 'owner-a' }]);
  });

  // Two organisations in the city, then `names` as alternate renames of them; returns the renames' positions.
  const renames = async (cityId: CityId, names: string[]) => {
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids)
      await store.append(
        cityId,
        organisationStream(id),
        0,
        [{ type: 'OrganisationRegistered', data: { organisationId: id, name: 'Registered', kind: 'cso' } }],
        {},
      );
    const versions = [1, 1];
    const positions: number[] = [];
    for (const [i, name] of names.entries()) {
      const o = i % 2;
      const result = await store.append(
        cityId,
        organisationStream(ids[o]),
        versions[o],
        [{ type: 'OrganisationRenamed', data: { organisationId: ids[o], name } }],
        {},
      );
      versions[o] = result.version;
      positions.push(result.position);
    }
    return { ids, positions };
  };

  it('dead-letters a poison event with its error, moves past it, and keeps other cities flowing', async () => {
    const poisoned = await newCity(admin, 'poisoned');
    const healthy = await newCity(admin, 'healthy');
    const poison = context.get(PoisonSensitiveProjection);
    const names = ['One', 'Two', 'Three', POISONED_NAME, 'Five', 'Six', 'Seven'];
    const p = await renames(poisoned, names);
    const h = await renames(healthy, ['Alpha', 'Beta', 'Gamma', 'Delta']);
    const poisonPosition = p.positions[3];

    const [reachedPoisoned, reachedHealthy] = await Promise.all([
      runner.catchUp(poisoned, poison, 100),
      runner.catchUp(healthy, poison, 100),
    ]);

    expect(reachedPoisoned).toBe(await head(admin, poisoned));
    expect(reachedHealthy).toBe(await head(admin, healthy));
    expect(await checkpoint(admin, poisoned, POISON_PROJECTION)).toBe(await head(admin, poisoned));
    const [poisonEvent] = (await store.readLog(poisoned, poisonPosition - 1, 1)).filter(
      (e) => e.position === poisonPosition,
    );
    expect(await deadLetters(poisoned, POISON_PROJECTION)).toEqual([
      {
        position: String(poisonPosition),
        event_id: poisonEvent.eventId,
        event_type: 'OrganisationRenamed',
        error: `Error: cannot digest event ${poisonEvent.eventId}`,
      },
    ]);
    expect(await deadLetters(healthy, POISON_PROJECTION)).toEqual([]);
    // Every other rename reached the projection, before and after the poison, in both cities.
    const delivered = async (cityId: CityId, positions: number[]) =>
      (await store.readLog(cityId, 0, 1_000))
        .filter((e) => positions.includes(e.position))
        .map((e) => poison.delivered.has(e.eventId));
    expect(await delivered(poisoned, p.positions)).toEqual([true, true, true, false, true, true, true]);
    expect(await delivered(healthy, h.positions)).toEqual([true, true, true, true]);

    // The organisations projection of the same city is unaffected by the other projection's poison.
    expect(await runner.catchUp(poisoned, organisations)).toBe(await head(admin, poisoned));
    expect((await readModel(admin, poisoned)).map((r) => r.name).sort()).toEqual(['Seven', 'Six']);
    await expectExactlyOnce(poisoned);
  });

  it('rebuilds a projection whose log holds a poison event, parking the event again', async () => {
    const cityId = await newCity(admin, 'poison-rebuild');
    const { positions } = await renames(cityId, ['One', POISONED_NAME, 'Three']);
    const poison = context.get(PoisonSensitiveProjection);
    const last = await head(admin, cityId);
    expect(await runner.catchUp(cityId, poison)).toBe(last);
    const parked = await deadLetters(cityId, POISON_PROJECTION);
    expect(parked.map((d) => Number(d.position))).toEqual([positions[1]]);

    // Rebuilding (say, after a fix elsewhere in the projection) must not be blocked by the event the live
    // runner parked: the rebuild reaches the head and parks the same event with the same error.
    const outcome = await context
      .get(ProjectionRebuilder)
      .rebuild(cityId, poison)
      .then(
        (position) => ({ position }),
        (error: Error) => ({ error: error.message }),
      );
    expect(outcome).toEqual({ position: last });
    expect(await checkpoint(admin, cityId, POISON_PROJECTION)).toBe(last);
    expect(await deadLetters(cityId, POISON_PROJECTION)).toEqual(parked);
  });

  it('reaches every head through wake-ups alone while appends race with running catch-ups', async () => {
    // The sweep runs once at start-up and then not for an hour: a wake-up lost between an append and a
    // catch-up that has just read the log would leave its city behind for the rest of this test.
    const workerConfig = reliabilityConfig({ PROJECTION_SWEEP_SECONDS: '3600', PROJECTION_CONCURRENCY: '4' });
    const worker = await createWorker(workerConfig);
    try {
      const cities: CityId[] = [];
      for (let c = 0; c < 5; c++) cities.push(await newCity(admin, `wakeups-${c}`));
      const workerStore = worker.get(EventStore);
      const registered = new Map<CityId, number>(cities.map((c) => [c, 0]));
      const behind = async () => {
        const lagging: string[] = [];
        for (const cityId of cities) {
          const at = await checkpoint(admin, cityId, ORGANISATIONS_PROJECTION);
          const last = await head(admin, cityId);
          if (at !== last) lagging.push(`${cityId}: ${at} of ${last}`);
        }
        return lagging;
      };
      // Several bursts: the last appends of each burst are the ones whose wake-up may meet a running job.
      for (let round = 0; round < 5; round++) {
        await Promise.all(
          Array.from({ length: 6 }, async (_, w) => {
            for (let i = 0; i < 30; i++) {
              const cityId = cities[(w + i) % cities.length];
              const id = randomUUID();
              await workerStore.append(
                cityId,
                organisationStream(id),
                0,
                [
                  {
                    type: 'OrganisationRegistered',
                    data: { organisationId: id, name: `R${round}.W${w}.${i}`, kind: 'cso' },
                  },
                ],
                {},
              );
              registered.set(cityId, registered.get(cityId)! + 1);
              if (i % 7 === w % 7) await sleep(3);
            }
          }),
        );
        await eventually(async () => (await behind()).length === 0, 15_000);
        expect({ round, behind: await behind() }).toEqual({ round, behind: [] });
      }
      for (const cityId of cities)
        expect(await readModel(admin, cityId)).toHaveLength(registered.get(cityId)!);
    } finally {
      await worker.close();
      await deleteQueueKeys(workerConfig);
    }
  });

  it('catches up through the sweep after Redis lost every queue key (FLUSHALL)', async () => {
    const workerConfig = reliabilityConfig({ PROJECTION_SWEEP_SECONDS: '1' });
    const worker = await createWorker(workerConfig);
    try {
      const cityId = await newCity(admin, 'flushall');
      const workerStore = worker.get(EventStore);
      const id = randomUUID();
      await workerStore.append(
        cityId,
        organisationStream(id),
        0,
        [
          {
            type: 'OrganisationRegistered',
            data: { organisationId: id, name: 'Before the flush', kind: 'cso' },
          },
        ],
        {},
      );
      expect(
        await eventually(
          async () => (await checkpoint(admin, cityId, ORGANISATIONS_PROJECTION)) === 1,
          15_000,
        ),
      ).toBe(true);

      // Redis forgets everything of ours: queued jobs, deduplication keys, worker and scheduler state.
      expect(await deleteQueueKeys(workerConfig)).toBeGreaterThan(0);

      // New events arrive with no wake-up at all (straight through the append function).
      for (let version = 1; version <= 5; version++) {
        await admin.query(
          `SELECT a.* FROM (SELECT set_config('app.tenant_id', $1, true)::uuid AS tenant) AS city,
                  LATERAL append_events(city.tenant, $2, $3, $4::jsonb, null) AS a`,
          [
            cityId,
            organisationStream(id),
            version,
            JSON.stringify([
              {
                eventId: randomUUID(),
                type: 'OrganisationRenamed',
                schemaVersion: 1,
                data: { organisationId: id, name: `After the flush ${version}` },
                metadata: { actorId: 'flushall-test' },
              },
            ]),
          ],
        );
        await sleep(10);
      }
      const last = await head(admin, cityId);
      expect(last).toBe(6);

      // Bounded wait for the sweep (every second here) to wake the projection again.
      expect(
        await eventually(
          async () => (await checkpoint(admin, cityId, ORGANISATIONS_PROJECTION)) === last,
          15_000,
        ),
      ).toBe(true);
      expect((await readModel(admin, cityId)).map(withoutInstants)).toEqual([
        { id, name: 'After the flush 5', kind: 'cso', version: 6 },
      ]);
    } finally {
      await worker.close();
      await deleteQueueKeys(workerConfig);
    }
  });
});
