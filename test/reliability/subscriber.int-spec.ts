import { randomUUID } from 'node:crypto';
import { CityId } from '@rl/kernel';
import { newCity, sleep, useStoreContext } from './support/reliability';

jest.setTimeout(180_000);

const CITIES = 6;
const WRITERS = 24;
const TRANSACTIONS_PER_WRITER = 120;
const PAGE = 100;

class Rollback extends Error {}

interface Probe {
  marker: string;
  writer: number;
}

// A `position > checkpoint` subscriber under many concurrent, slow and rolled-back writers must see every
// committed event exactly once and nothing else — the property a plain sequence breaks (ARCHITECTURE §2).
describe('A position > checkpoint subscriber under concurrent writers', () => {
  // Each writer holds a connection for its whole transaction; the subscriber needs one too.
  const env = useStoreContext({ DB_POOL_SIZE: String(WRITERS + 8) });

  it('sees every committed event once, in gap-free position order, and no rolled-back one', async () => {
    const cities: CityId[] = [];
    for (let c = 0; c < CITIES; c++) cities.push(await newCity(env.admin, `subscriber-${c}`));

    const committed = new Map<string, { cityId: CityId; position: number }>(); // marker → where
    const rolledBack = new Set<string>();
    const shapes = { slowBefore: 0, slowAfter: 0, rolledBack: 0, batches: 0 };

    // Deterministic pseudo-randomness per writer, so a failure can be replayed.
    const random = (seed: number) => () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };

    const writer = async (w: number) => {
      const next = random(w + 1);
      const cityId = cities[w % CITIES];
      const stream = `probe-${randomUUID()}`;
      let version = 0;
      for (let t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
        const dice = next();
        const rollback = dice < 0.02;
        const slowBefore = dice >= 0.02 && dice < 0.12;
        const slowAfter = dice >= 0.12 && dice < 0.15;
        const size = next() < 0.2 ? 1 + Math.floor(next() * 4) : 1;
        const probes: Probe[] = Array.from({ length: size }, () => ({ marker: randomUUID(), writer: w }));
        try {
          const result = await env.store.transact(cityId, async (tx) => {
            // Long work before the append (it is the last statement): the city's head is not held yet.
            if (slowBefore) await sleep(50 + Math.floor(next() * 450));
            const appended = await tx.append(
              stream,
              version,
              probes.map((data) => ({ type: 'ReliabilityProbe', data })),
              { actorId: `writer-${w}` },
            );
            // A little work after it: the head stays locked, so later writers of this city wait.
            if (slowAfter) await sleep(Math.floor(next() * 100));
            if (rollback) throw new Rollback();
            return appended;
          });
          version = result.version;
          probes.forEach((p, i) =>
            committed.set(p.marker, { cityId, position: result.position - probes.length + 1 + i }),
          );
          if (slowBefore) shapes.slowBefore++;
          if (slowAfter) shapes.slowAfter++;
          if (size > 1) shapes.batches++;
        } catch (error) {
          if (!(error instanceof Rollback)) throw error;
          probes.forEach((p) => rolledBack.add(p.marker));
          shapes.rolledBack++;
        }
      }
    };

    // One subscriber per city, reading pages after its own checkpoint while the writers run.
    const seen = new Map<string, number>(); // event id → times seen
    const seenMarkers = new Map<string, { cityId: CityId; position: number }>();
    const holes: string[] = [];
    let writing = true;
    const subscriber = async (cityId: CityId) => {
      let checkpoint = 0;
      for (;;) {
        const done = !writing; // read once more after the writers finished
        const page = await env.store.readLog(cityId, checkpoint, PAGE);
        for (const event of page) {
          if (event.position !== checkpoint + 1)
            holes.push(`${cityId}: ${event.position} after ${checkpoint}`);
          checkpoint = event.position;
          seen.set(event.eventId, (seen.get(event.eventId) ?? 0) + 1);
          seenMarkers.set((event.data as Probe).marker, { cityId, position: event.position });
        }
        if (page.length === PAGE) continue;
        if (done) return checkpoint;
        await sleep(5);
      }
    };

    const subscribers = Promise.all(cities.map((cityId) => subscriber(cityId)));
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w))).finally(() => {
      writing = false;
    });
    const checkpoints = await subscribers;

    // The run exercised what it claims to.
    expect(shapes.rolledBack).toBeGreaterThan(0);
    expect(shapes.slowBefore).toBeGreaterThan(0);
    expect(shapes.slowAfter).toBeGreaterThan(0);
    expect(shapes.batches).toBeGreaterThan(0);

    const { rows } = await env.admin.query<{
      tenant_id: CityId;
      position: string;
      event_id: string;
      marker: string;
    }>(
      `SELECT tenant_id, position, event_id, data->>'marker' AS marker FROM events
        WHERE tenant_id = ANY($1) ORDER BY tenant_id, position`,
      [cities],
    );
    // What is stored is exactly what the writers saw commit, at the positions they were told.
    expect(rows).toHaveLength(committed.size);
    for (const row of rows) {
      expect(committed.get(row.marker)).toEqual({ cityId: row.tenant_id, position: Number(row.position) });
    }
    for (const marker of rolledBack) expect(committed.has(marker)).toBe(false);

    // Per city: positions 1..N without holes, and the subscriber reached N.
    for (const [c, cityId] of cities.entries()) {
      const positions = rows.filter((r) => r.tenant_id === cityId).map((r) => Number(r.position));
      expect(positions).toEqual(Array.from({ length: positions.length }, (_, i) => i + 1));
      expect(checkpoints[c]).toBe(positions.length);
    }

    // The subscriber saw every committed event exactly once, never skipped one, and never a rolled-back one.
    expect(holes).toEqual([]);
    expect([...seen.values()].filter((n) => n !== 1)).toEqual([]);
    expect(new Set(seen.keys())).toEqual(new Set(rows.map((r) => r.event_id)));
    expect(seenMarkers).toEqual(committed);
    expect([...rolledBack].filter((m) => seenMarkers.has(m))).toEqual([]);
  });
});
