import { INestApplicationContext, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { databaseUrl } from '@rl/persistence';
import {
  inScratchFold,
  ProjectionRebuilder,
  ProjectionRunner,
  ProjectionSweep,
  Reactor,
  ReactorDefinition,
  ReactorRunner,
} from '@rl/projections';
import { QueueName } from '@rl/queue';
import { ORGANISATIONS_PROJECTION, OrganisationsProjection } from '@rl/stakeholders';
import {
  adminClient,
  bootContext,
  checkpoint,
  deleteQueueKeys,
  head,
  newCity,
  reliabilityConfig,
  seedOrganisations,
} from './support/reliability';

jest.setTimeout(120_000);

// Follows the organisations projection and records, per city, the renames it reacted to and whether the
// renamed organisation's row was there to read; fails for the cities told to.
@Injectable()
@ReactorDefinition()
class RecordingReactor implements Reactor {
  readonly name: string = 'reliability-recording';
  readonly follows = ORGANISATIONS_PROJECTION;
  readonly handles = ['OrganisationRenamed'];
  readonly afterRebuild: Reactor['afterRebuild'] = 'replay';
  readonly reacted = new Map<CityId, { position: number; rowSeen: boolean }[]>();
  readonly failing = new Set<CityId>();

  async react(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    if (this.failing.has(cityId)) throw new Error('Redis is down');
    for (const event of events) {
      const { organisationId } = event.data as { organisationId: string };
      const rows = await em.query<unknown[]>(`SELECT 1 FROM organisations WHERE tenant_id = $1 AND id = $2`, [
        cityId,
        organisationId,
      ]);
      const seen = this.reacted.get(cityId) ?? [];
      seen.push({ position: event.position, rowSeen: rows.length === 1 });
      this.reacted.set(cityId, seen);
    }
  }
}

@Injectable()
@ReactorDefinition()
class SkippingReactor extends RecordingReactor {
  override readonly name = 'reliability-skipping';
  override readonly afterRebuild = 'skip';
}

describe('Reactors', () => {
  let config: AppConfig;
  let context: INestApplicationContext;
  let admin: Client;
  let projections: ProjectionRunner;
  let reactors: ReactorRunner;
  let organisations: OrganisationsProjection;
  let recording: RecordingReactor;

  beforeAll(async () => {
    config = reliabilityConfig();
    admin = await adminClient(databaseUrl(config, 'admin'));
    context = await bootContext(config, [RecordingReactor, SkippingReactor]);
    projections = context.get(ProjectionRunner);
    reactors = context.get(ReactorRunner);
    organisations = context.get(OrganisationsProjection);
    recording = context.get(RecordingReactor);
  });
  afterAll(async () => {
    await context?.close();
    await admin?.end();
    if (config) await deleteQueueKeys(config);
  });

  // A city with 5 organisations of 4 events each (2 renames each), none projected yet.
  const seeded = async (label: string) => {
    const cityId = await newCity(admin, label);
    await seedOrganisations(admin, cityId, 5, 4);
    return cityId;
  };
  const renames = async (cityId: CityId, upTo: number) =>
    (
      await admin.query<{ position: string }>(
        `SELECT position FROM events WHERE tenant_id = $1 AND type = 'OrganisationRenamed' AND position <= $2
          ORDER BY position`,
        [cityId, upTo],
      )
    ).rows.map((r) => Number(r.position));

  it("reacts once to each event, only up to the projection's committed checkpoint, reading its rows", async () => {
    const cityId = await seeded('reactor-follows');
    // Nothing projected yet: nothing to react to.
    expect(await reactors.catchUp(cityId, recording)).toBe(0);
    expect(recording.reacted.get(cityId)).toBeUndefined();

    const projected = (await projections.catchUp(cityId, organisations)) ?? 0;
    await seedOrganisations(admin, cityId, 2, 4);
    expect(await head(admin, cityId)).toBeGreaterThan(projected);
    expect(await reactors.catchUp(cityId, recording, 7)).toBe(projected);
    expect(recording.reacted.get(cityId)).toEqual(
      (await renames(cityId, projected)).map((position) => ({ position, rowSeen: true })),
    );

    await projections.catchUp(cityId, organisations);
    const end = await head(admin, cityId);
    expect(await reactors.catchUp(cityId, recording)).toBe(end);
    expect(await reactors.catchUp(cityId, recording)).toBe(end);
    expect(recording.reacted.get(cityId)?.map((r) => r.position)).toEqual(await renames(cityId, end));
    expect(await checkpoint(admin, cityId, recording.name)).toBe(end);
  });

  it('keeps its checkpoint when a side effect fails, retries the batch later, and lets other cities flow', async () => {
    const [failing, other] = [await seeded('reactor-fails'), await seeded('reactor-flows')];
    for (const cityId of [failing, other]) await projections.catchUp(cityId, organisations);
    recording.failing.add(failing);
    await expect(reactors.catchUp(failing, recording)).rejects.toThrow('Redis is down');
    expect(await checkpoint(admin, failing, recording.name)).toBe(0);
    expect(await reactors.catchUp(other, recording)).toBe(await head(admin, other));

    recording.failing.delete(failing);
    expect(await reactors.catchUp(failing, recording)).toBe(await head(admin, failing));
    expect(recording.reacted.get(failing)?.map((r) => r.position)).toEqual(
      await renames(failing, await head(admin, failing)),
    );
  });

  it('reacts to nothing inside a scratch fold (the read-model verification)', async () => {
    const cityId = await seeded('reactor-scratch');
    await projections.catchUp(cityId, organisations);
    expect(await inScratchFold(() => reactors.catchUp(cityId, recording))).toBeNull();
    expect(recording.reacted.get(cityId)).toBeUndefined();
    expect(await checkpoint(admin, cityId, recording.name)).toBe(0);
  });

  it('is woken after its projection commits and by the sweep while behind it; after a rebuild it replays or skips as it declares', async () => {
    const cityId = await seeded('reactor-sweep');
    const skipping = context.get(SkippingReactor);
    const queue = new Queue(QueueName.Projections, {
      connection: { url: config.redis.url },
      prefix: config.redis.queuePrefix,
    });
    try {
      const woken = async () =>
        (await queue.getJobs(['waiting', 'delayed', 'prioritized']))
          .filter((job) => (job.data as { cityId: string }).cityId === cityId)
          .map((job) => (job.data as { projection: string }).projection)
          .sort();
      // The projection's committed batch wakes its reactors; the sweep wakes them while they are behind.
      await projections.catchUp(cityId, organisations);
      expect(await woken()).toEqual([recording.name, skipping.name]);
      await queue.drain();
      await context.get(ProjectionSweep).sweep();
      expect(await woken()).toEqual([recording.name, skipping.name]);

      const end = await head(admin, cityId);
      for (const reactor of [recording, skipping]) await reactors.catchUp(cityId, reactor);
      await context.get(ProjectionRebuilder).rebuild(cityId, organisations);
      expect(await checkpoint(admin, cityId, recording.name)).toBe(0);
      expect(await checkpoint(admin, cityId, skipping.name)).toBe(end);
      await reactors.catchUp(cityId, recording);
      // At least once: the replay reacts to every rename again.
      const positions = await renames(cityId, end);
      expect(recording.reacted.get(cityId)?.map((r) => r.position)).toEqual([...positions, ...positions]);
      expect(skipping.reacted.get(cityId)?.map((r) => r.position)).toEqual(positions);
    } finally {
      await queue.close();
    }
  });
});
