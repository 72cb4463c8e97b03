import { randomUUID } from 'node:crypto';
import { AppendResult } from '@rl/event-store';
import { CityId, DomainError } from '@rl/kernel';
import { organisationStream } from '@rl/stakeholders';
import { head, newCity, useStoreContext } from './support/reliability';

jest.setTimeout(120_000);

// Appends under contention against real PostgreSQL: optimistic concurrency, gap-free numbering per
// stream and per city, idempotent retries, and batches as one contiguous range.
describe('Event store appends under contention', () => {
  const env = useStoreContext({ DB_POOL_SIZE: '20' });

  const renamed = (organisationId: string, name: string) => [
    { type: 'OrganisationRenamed', data: { organisationId, name } },
  ];
  const register = (cityId: CityId, organisationId: string, key?: string) =>
    env.store.append(
      cityId,
      organisationStream(organisationId),
      0,
      [{ type: 'OrganisationRegistered', data: { organisationId, name: 'Start', kind: 'cso' } }],
      { actorId: 'appends-test', idempotencyKey: key },
    );

  const streamVersions = async (cityId: CityId, stream: string): Promise<number[]> =>
    (
      await env.admin.query<{ stream_version: number }>(
        `SELECT stream_version FROM events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY position`,
        [cityId, stream],
      )
    ).rows.map((r) => r.stream_version);

  const positions = async (cityId: CityId): Promise<number[]> =>
    (
      await env.admin.query<{ position: string }>(
        `SELECT position FROM events WHERE tenant_id = $1 ORDER BY position`,
        [cityId],
      )
    ).rows.map((r) => Number(r.position));

  const eventCount = async (cityId: CityId): Promise<number> =>
    (
      await env.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1`, [
        cityId,
      ])
    ).rows[0].n;

  const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  // Positions 1..n in order, and the head names the last one.
  const expectGapFreeCity = async (cityId: CityId) => {
    const all = await positions(cityId);
    expect(all).toEqual(oneTo(all.length));
    expect(await head(env.admin, cityId)).toBe(all.length);
  };

  it('lets exactly one of 50 concurrent appends at the same expected version through', async () => {
    const cityId = await newCity(env.admin, 'appends-race');
    const organisationId = randomUUID();
    await register(cityId, organisationId);
    const stream = organisationStream(organisationId);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        env.store.append(cityId, stream, 1, renamed(organisationId, `Racer ${i}`), {
          actorId: 'appends-test',
        }),
      ),
    );

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const { reason } of lost) {
      expect(reason).toBeInstanceOf(DomainError);
      const error = reason as DomainError;
      expect(error.kind).toBe('conflict');
      expect(error.code).toMatch(/\.VERSION_CONFLICT$/);
      // Every loser ran after the winner committed (they serialise on the city's head) and sees it.
      expect(error.details.currentVersion).toBe(2);
    }
    expect(await streamVersions(cityId, stream)).toEqual([1, 2]);
    await expectGapFreeCity(cityId);
  });

  it('numbers streams and the city without gaps or duplicates when writers retry on conflicts', async () => {
    const cityId = await newCity(env.admin, 'appends-retry');
    const shared = randomUUID();
    await register(cityId, shared);
    const stream = organisationStream(shared);
    const writers = 20;
    const appendsPerWriter = 5;
    let conflicts = 0;

    // Each writer reads the stream's version, appends at it, and on a conflict retries from the
    // version the error reports, as a client honouring the 409 would.
    const writer = async (w: number) => {
      let expected = (await env.store.readStream(cityId, stream)).length;
      for (let done = 0; done < appendsPerWriter;) {
        try {
          const result = await env.store.append(cityId, stream, expected, renamed(shared, `W${w}.${done}`), {
            actorId: `writer-${w}`,
          });
          expected = result.version;
          done++;
        } catch (error) {
          if (!(error instanceof DomainError) || !error.code.endsWith('.VERSION_CONFLICT')) throw error;
          conflicts++;
          expected = error.details.currentVersion as number;
        }
      }
    };
    // Other streams of the same city append meanwhile, interleaving their positions.
    const bystanders = Array.from({ length: 10 }, () => register(cityId, randomUUID()));
    await Promise.all([...Array.from({ length: writers }, (_, w) => writer(w)), ...bystanders]);

    expect(conflicts).toBeGreaterThan(0);
    expect(await streamVersions(cityId, stream)).toEqual(oneTo(1 + writers * appendsPerWriter));
    expect(await eventCount(cityId)).toBe(1 + writers * appendsPerWriter + bystanders.length);
    await expectGapFreeCity(cityId);
  });

  it('returns the first result to a retry with the same idempotency key, and appends nothing', async () => {
    const cityId = await newCity(env.admin, 'appends-idem');
    const organisationId = randomUUID();
    const stream = organisationStream(organisationId);
    const key = `key-${randomUUID()}`;
    const first = await register(cityId, organisationId, key);
    const rename = (name: string, k: string) =>
      env.store.append(cityId, stream, 1, renamed(organisationId, name), {
        actorId: 'appends-test',
        idempotencyKey: k,
      });
    const renameKey = `key-${randomUUID()}`;
    const firstRename = await rename('Once', renameKey);
    const before = await eventCount(cityId);

    // The same commands again — even with a different payload or an outdated expected version.
    expect(await register(cityId, organisationId, key)).toEqual(first);
    expect(await rename('Once', renameKey)).toEqual(firstRename);
    expect(await rename('Twice?', renameKey)).toEqual(firstRename);

    expect(firstRename).toEqual({ streamId: stream, position: 2, version: 2 });
    expect(await eventCount(cityId)).toBe(before);
    expect(await streamVersions(cityId, stream)).toEqual([1, 2]);
  });

  it('appends once for 10 concurrent first attempts of a new stream with one key', async () => {
    const cityId = await newCity(env.admin, 'appends-idem-new');
    const key = `key-${randomUUID()}`;
    // Like RegisterOrganisation: every attempt picks a fresh id, so the attempts race on the key only.
    const results = await Promise.all(Array.from({ length: 10 }, () => register(cityId, randomUUID(), key)));

    expect(await eventCount(cityId)).toBe(1);
    const [stored] = (
      await env.admin.query<{ stream_id: string }>(`SELECT stream_id FROM events WHERE tenant_id = $1`, [
        cityId,
      ])
    ).rows;
    for (const result of results)
      expect(result).toEqual({ streamId: stored.stream_id, position: 1, version: 1 });
  });

  it('appends once for 10 concurrent first attempts on an existing stream with one key', async () => {
    const cityId = await newCity(env.admin, 'appends-idem-existing');
    const organisationId = randomUUID();
    const stream = organisationStream(organisationId);
    await register(cityId, organisationId);
    const key = `key-${randomUUID()}`;

    // Like UpdateOrganisation with If-Match: 1 and an Idempotency-Key, sent 10 times at once (a client
    // retrying on a timeout). Every attempt must get the one result; none may see a version conflict.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        env.store.append(cityId, stream, 1, renamed(organisationId, 'Renamed once'), {
          actorId: 'appends-test',
          idempotencyKey: key,
        }),
      ),
    );

    expect(await eventCount(cityId)).toBe(2);
    const failures = outcomes
      .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
      .map((o) => (o.reason instanceof DomainError ? o.reason.code : String(o.reason)));
    expect(failures).toEqual([]);
    for (const outcome of outcomes) {
      expect((outcome as PromiseFulfilledResult<AppendResult>).value).toEqual({
        streamId: stream,
        position: 2,
        version: 2,
      });
    }
  });

  it('appends once for concurrent first attempts with one key and two requests; the other request is refused', async () => {
    const cityId = await newCity(env.admin, 'appends-idem-fingerprint');
    const organisationId = randomUUID();
    const stream = organisationStream(organisationId);
    await register(cityId, organisationId);
    const key = `key-${randomUUID()}`;

    // Two different requests under one key race: whichever wins, the other's attempts get KEY_REUSED.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => {
        const fingerprint = i % 2 === 0 ? 'request-a' : 'request-b';
        return env.store.append(cityId, stream, 1, renamed(organisationId, fingerprint), {
          actorId: 'appends-test',
          idempotencyKey: key,
          requestFingerprint: fingerprint,
        });
      }),
    );

    expect(await eventCount(cityId)).toBe(2);
    const won = outcomes.map((o, i) => ({ o, fingerprint: i % 2 === 0 ? 'request-a' : 'request-b' }));
    const winners = new Set(won.filter(({ o }) => o.status === 'fulfilled').map((w) => w.fingerprint));
    expect(winners.size).toBe(1);
    for (const { o, fingerprint } of won) {
      if (winners.has(fingerprint)) {
        expect((o as PromiseFulfilledResult<AppendResult>).value).toEqual({
          streamId: stream,
          position: 2,
          version: 2,
        });
      } else {
        expect((o as PromiseRejectedResult).reason).toEqual(
          expect.objectContaining({ kind: 'invalid', code: 'IDEMPOTENCY.KEY_REUSED' }),
        );
      }
    }
  });

  it('gives a batch of 10 events one contiguous range of positions, even among concurrent appends', async () => {
    const cityId = await newCity(env.admin, 'appends-batch');
    const batches = Array.from({ length: 8 }, () => randomUUID());
    const batch = (organisationId: string) =>
      env.store.append(
        cityId,
        organisationStream(organisationId),
        0,
        [
          { type: 'OrganisationRegistered', data: { organisationId, name: 'B0', kind: 'academic' } },
          ...Array.from({ length: 9 }, (_, i) => ({
            type: 'OrganisationRenamed',
            data: { organisationId, name: `B${i + 1}` },
          })),
        ],
        { actorId: 'appends-test' },
      );

    const results = await Promise.all([
      ...batches.map((id) => batch(id)),
      ...Array.from({ length: 30 }, () => register(cityId, randomUUID())),
    ]);

    for (const [i, organisationId] of batches.entries()) {
      const result = results[i];
      const { rows } = await env.admin.query<{ position: string; stream_version: number }>(
        `SELECT position, stream_version FROM events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY position`,
        [cityId, organisationStream(organisationId)],
      );
      expect(rows.map((r) => r.stream_version)).toEqual(oneTo(10));
      expect(rows.map((r) => Number(r.position))).toEqual(
        Array.from({ length: 10 }, (_, k) => result.position - 9 + k),
      );
      expect(result.version).toBe(10);
    }
    expect(await eventCount(cityId)).toBe(batches.length * 10 + 30);
    await expectGapFreeCity(cityId);
  });
});
