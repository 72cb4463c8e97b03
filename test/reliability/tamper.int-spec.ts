import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ChainReport, ChainVerifier, SigningKeys } from '@rl/audit';
import { asCityId } from '@rl/kernel';
import { databaseUrl, dataSourceOptions, TenantDb } from '@rl/persistence';
import { testConfig } from '../support/test-config';

// The same canonical texts and hashes as append_events, for a forger who rehashes the event they insert
// (version 2: each field a netstring, a null as '-,') or who writes events as the function did before
// hash version 2 (version 1: fields joined with '|').
const NETSTRING = (field: string) =>
  `coalesce(octet_length(convert_to((${field}), 'UTF8'))::text || ':' || (${field}), '-') || ','`;
const FIELDS = [
  'prev_hash',
  'tenant_id::text',
  'position::text',
  'stream_id',
  'stream_version::text',
  'event_id::text',
  'type',
  'schema_version::text',
  'data::text',
  'metadata::text',
  `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  'tx_id::text',
];
const SQL_HASH = `encode(sha256(convert_to(${['hash_version::text', ...FIELDS, 'idempotency_key']
  .map(NETSTRING)
  .join(' || ')}, 'UTF8')), 'hex')`;
const SQL_HASH_V1 = `encode(sha256(convert_to(concat_ws('|', ${FIELDS.join(', ')}, coalesce(idempotency_key, '')), 'UTF8')), 'hex')`;

// The columns of a hand-written event, hash last, computed from the others.
const INSERT_COLUMNS = `tenant_id, position, stream_id, stream_version, event_id, type, schema_version, data, metadata,
  recorded_at, tx_id, idempotency_key, hash_version, prev_hash, hash`;
// A forged event chained and hashed exactly as append_events would on top of the head (position 8, a
// stream at version 2), as a compromised app or a database administrator would write it.
const FORGED_AFTER_HEAD = `INSERT INTO events (${INSERT_COLUMNS})
  SELECT f.*, ${SQL_HASH}
    FROM (SELECT tenant_id, 9::bigint AS position, stream_id, 3 AS stream_version, gen_random_uuid() AS event_id,
                 'OrganisationRenamed'::text AS type, 1 AS schema_version, '{"name": "Forged"}'::jsonb AS data, metadata,
                 recorded_at, pg_current_xact_id() AS tx_id, NULL::text AS idempotency_key, 2::smallint AS hash_version,
                 hash AS prev_hash
            FROM events WHERE tenant_id = $1 AND position = 8) f`;

// Tamper evidence of the event log against real PostgreSQL: events are appended through append_events as
// the application role, then altered as the superuser with the append-only trigger disabled
// (session_replication_role = replica), and the verifier must name the first broken link.
describe('Tamper evidence of the event log', () => {
  const config = testConfig();
  const admin = new Client({ connectionString: databaseUrl(config, 'admin') });
  const app = new Client({ connectionString: databaseUrl(config, 'app') });
  const dataSource = new DataSource(dataSourceOptions(config, 'app'));
  let verifier: ChainVerifier;

  beforeAll(async () => {
    await admin.connect();
    await app.connect();
    await dataSource.initialize();
    verifier = new ChainVerifier(new TenantDb(dataSource), new SigningKeys(config));
  });

  afterAll(async () => {
    await dataSource.destroy();
    await app.end();
    await admin.end();
  });

  const newCity = async (): Promise<string> => {
    const id = randomUUID();
    await admin.query(
      `INSERT INTO cities (id, slug, name, country_code, default_locale, timezone) VALUES ($1, $2, $2, 'BE', 'nl', 'Europe/Brussels')`,
      [id, `tamper-${id.slice(0, 8)}`],
    );
    return id;
  };

  // As the application role, in a transaction naming the city.
  const asApp = async <T>(city: string, work: () => Promise<T>): Promise<T> => {
    await app.query('BEGIN');
    try {
      await app.query(`select set_config('app.tenant_id', $1, true)`, [city]);
      const result = await work();
      await app.query('COMMIT');
      return result;
    } catch (error) {
      await app.query('ROLLBACK');
      throw error;
    }
  };

  const newEvent = (type: string, data: object = {}) => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { actorId: 'tamper-test', actorRole: 'coordinator' },
  });

  const append = (city: string, stream: string, expected: number, types: string[]) =>
    asApp(city, () =>
      app.query(`select * from append_events($1, $2, $3, $4::jsonb, null)`, [
        city,
        stream,
        expected,
        JSON.stringify(
          types.map((type, i) => newEvent(type, { stream, type, i, note: 'Gent | Gand — «Ghent»' })),
        ),
      ]),
    );

  // Positions: 1 A1, 2 A2, 3 B1, 4 A3, 5 C1, 6 C2, 7 C3, 8 B2.
  const A = 'organisation-a';
  const B = 'organisation-b';
  const C = 'organisation-c';
  const seed = async (city: string) => {
    await append(city, A, 0, ['OrganisationRegistered', 'OrganisationRenamed']);
    await append(city, B, 0, ['OrganisationRegistered']);
    await append(city, A, 2, ['OrganisationReclassified']);
    await append(city, C, 0, ['OrganisationRegistered', 'OrganisationRenamed', 'OrganisationRenamed']);
    await append(city, B, 1, ['OrganisationRenamed']);
  };
  const seededCity = async () => {
    const city = await newCity();
    await seed(city);
    return city;
  };

  // As the superuser with triggers off: what someone with database access could do behind the app's back.
  const tamper = async (...statements: [string, unknown[]][]) => {
    await admin.query('BEGIN');
    try {
      await admin.query('SET LOCAL session_replication_role = replica');
      for (const [sql, params] of statements) await admin.query(sql, params);
      await admin.query('COMMIT');
    } catch (error) {
      await admin.query('ROLLBACK');
      throw error;
    }
  };

  const verify = (city: string, chunkSize?: number): Promise<ChainReport> =>
    verifier.verify(asCityId(city), chunkSize);

  const headOf = async (city: string) =>
    (
      await admin.query<{ last_position: string; last_hash: string }>(
        `SELECT last_position, last_hash FROM tenant_heads WHERE tenant_id = $1`,
        [city],
      )
    ).rows[0];

  const hashVersions = async (city: string) =>
    (
      await admin.query<{ hash_version: number }>(
        `SELECT hash_version FROM events WHERE tenant_id = $1 ORDER BY position`,
        [city],
      )
    ).rows.map((r) => r.hash_version);

  it('verifies an untouched log appended through append_events', async () => {
    const city = await seededCity();
    const head = await headOf(city);
    expect(head.last_position).toBe('8');
    expect(await verify(city)).toEqual({
      ok: true,
      streams: 3,
      events: 8,
      headPosition: 8,
      headHash: head.last_hash,
      checkpoints: 0,
      invalidCheckpoints: [],
    });
  });

  it('gives the same answer whatever the chunk size', async () => {
    const city = await seededCity();
    const whole = await verify(city);
    for (const chunkSize of [1, 3, 4, 8, 9]) expect(await verify(city, chunkSize)).toEqual(whole);
  });

  it('verifies a city without events', async () => {
    const city = await newCity();
    expect(await verify(city)).toEqual({
      ok: true,
      streams: 0,
      events: 0,
      headPosition: 0,
      headHash: '0'.repeat(64),
      checkpoints: 0,
      invalidCheckpoints: [],
    });
  });

  it('reads one consistent snapshot while the city keeps appending', async () => {
    const city = await seededCity();
    const appends = (async () => {
      for (let i = 0; i < 15; i++)
        await append(city, `organisation-live-${i}`, 0, ['OrganisationRegistered']);
    })();
    const reports: ChainReport[] = [];
    const verifications = (async () => {
      for (let i = 0; i < 15; i++) reports.push(await verify(city, 2));
    })();
    await Promise.all([appends, verifications]);
    for (const report of reports) {
      expect(report).toEqual(expect.objectContaining({ ok: true, events: report.headPosition }));
    }
    expect(await verify(city)).toEqual(expect.objectContaining({ ok: true, events: 23, streams: 18 }));
  });

  it("names an edited event's position and stream: hash mismatch", async () => {
    const city = await seededCity();
    expect(await hashVersions(city)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    await tamper([
      `UPDATE events SET data = data || '{"name": "Forged"}' WHERE tenant_id = $1 AND position = 4`,
      [city],
    ]);
    expect((await verify(city)).firstBroken).toEqual({
      position: 4,
      streamId: A,
      version: 3,
      reason: 'hash_mismatch',
    });
  });

  it('names the event after a forged insertion, even one the forger hashed correctly: prev_hash mismatch', async () => {
    const city = await seededCity();
    await tamper(
      // Make room at position 5 (in two steps: the primary key is checked row by row)…
      [`UPDATE events SET position = -position - 1 WHERE tenant_id = $1 AND position >= 5`, [city]],
      [`UPDATE events SET position = -position WHERE tenant_id = $1 AND position < 0`, [city]],
      // …insert an event chained to position 4 and hash it exactly as append_events would…
      [
        `INSERT INTO events (tenant_id, position, stream_id, stream_version, event_id, type, schema_version, data,
                             metadata, recorded_at, prev_hash, hash, hash_version)
         SELECT tenant_id, 5, 'organisation-forged', 1, $2, 'OrganisationRegistered', 1, '{"name": "Forged"}',
                metadata, recorded_at, hash, repeat('0', 64), 2
           FROM events WHERE tenant_id = $1 AND position = 4`,
        [city, randomUUID()],
      ],
      [`UPDATE events SET hash = ${SQL_HASH} WHERE tenant_id = $1 AND position = 5`, [city]],
      // …and move the head along with it.
      [
        `UPDATE tenant_heads SET last_position = 9, last_hash = (SELECT hash FROM events WHERE tenant_id = $1 AND position = 9) WHERE tenant_id = $1`,
        [city],
      ],
    );
    const report = await verify(city);
    expect(report.firstBroken).toEqual({
      position: 6,
      streamId: C,
      version: 1,
      reason: 'prev_hash_mismatch',
    });
    expect(report).toEqual(expect.objectContaining({ ok: false, events: 9, streams: 4, headPosition: 9 }));
  });

  it('names a correctly chained event appended behind the head: head mismatch', async () => {
    const city = await seededCity();
    await tamper([FORGED_AFTER_HEAD, [city]]);
    expect((await verify(city)).firstBroken).toEqual({
      position: 9,
      streamId: B,
      version: 3,
      reason: 'head_mismatch',
    });
  });

  it("names a deleted event's position and the stream of the event after it: position gap", async () => {
    const city = await seededCity();
    await tamper([`DELETE FROM events WHERE tenant_id = $1 AND position = 3`, [city]]);
    const report = await verify(city);
    expect(report.firstBroken).toEqual({ position: 3, streamId: A, version: 3, reason: 'position_gap' });
    expect(report).toEqual(expect.objectContaining({ ok: false, events: 7, streams: 3 }));
  });

  it("names a deleted stream's first position: position gap", async () => {
    const city = await seededCity();
    await tamper([`DELETE FROM events WHERE tenant_id = $1 AND stream_id = $2`, [city, C]]);
    const report = await verify(city);
    expect(report.firstBroken).toEqual({ position: 5, streamId: B, version: 2, reason: 'position_gap' });
    expect(report).toEqual(expect.objectContaining({ ok: false, events: 5, streams: 2 }));
  });

  it('names a deleted last event, which only the head still knows: head mismatch', async () => {
    const city = await seededCity();
    await tamper([`DELETE FROM events WHERE tenant_id = $1 AND position = 8`, [city]]);
    expect(await verify(city)).toEqual(
      expect.objectContaining({
        ok: false,
        events: 7,
        headPosition: 8,
        firstBroken: { position: 8, streamId: null, version: null, reason: 'head_mismatch' },
      }),
    );
  });

  it('refuses the application role any direct write of events and heads: appends only through append_events', async () => {
    const city = await seededCity();
    const before = await headOf(city);
    const refused = /permission denied for table (events|tenant_heads)/;
    for (const sql of [
      FORGED_AFTER_HEAD,
      `UPDATE events SET data = '{}' WHERE tenant_id = $1`,
      `DELETE FROM events WHERE tenant_id = $1 AND position = 8`,
      `UPDATE tenant_heads SET last_position = 9 WHERE tenant_id = $1`,
      `DELETE FROM tenant_heads WHERE tenant_id = $1`,
      `INSERT INTO tenant_heads (tenant_id, last_position) SELECT $1::uuid, 0 WHERE false`,
    ]) {
      await expect(asApp(city, () => app.query(sql, [city]))).rejects.toThrow(refused);
    }
    for (const table of ['events', 'tenant_heads']) {
      await expect(asApp(city, () => app.query(`TRUNCATE ${table}`))).rejects.toThrow(refused);
    }
    expect(await headOf(city)).toEqual(before);
    expect(await verify(city)).toEqual(expect.objectContaining({ ok: true, events: 8 }));
  });

  it('refuses UPDATE and DELETE of events by their owner too (append-only trigger)', async () => {
    const city = await seededCity();
    const owner = new Client({ connectionString: databaseUrl(config, 'owner') });
    await owner.connect();
    try {
      for (const [sql, refusal] of [
        [`UPDATE events SET data = '{}' WHERE tenant_id = $1`, /append-only: UPDATE refused/],
        [`DELETE FROM events WHERE tenant_id = $1 AND position = 8`, /append-only: DELETE refused/],
      ] as const) {
        await owner.query('BEGIN');
        await owner.query(`select set_config('app.tenant_id', $1, true)`, [city]);
        await expect(owner.query(sql, [city])).rejects.toThrow(refusal);
        await owner.query('ROLLBACK');
      }
    } finally {
      await owner.end();
    }
    expect(await verify(city)).toEqual(expect.objectContaining({ ok: true, events: 8 }));
  });

  it('appends into the real log even when the caller shadows its tables with temporary ones', async () => {
    const city = await seededCity();
    const before = await headOf(city);
    const result = await asApp(city, async () => {
      // Unqualified names would find these first in a function whose search_path left pg_temp implicit.
      await app.query(
        `CREATE TEMP TABLE tenant_heads ON COMMIT DROP AS SELECT $1::uuid AS tenant_id, 100::bigint AS last_position,
                repeat('f', 64) AS last_hash`,
        [city],
      );
      await app.query(`CREATE TEMP TABLE events ON COMMIT DROP AS SELECT * FROM public.events WHERE false`);
      return (
        await app.query<{ last_position: string }>(
          `select * from append_events($1, $2, 0, $3::jsonb, null)`,
          [city, 'organisation-d', JSON.stringify([newEvent('OrganisationRegistered')])],
        )
      ).rows[0];
    });
    expect(result.last_position).toBe('9');
    expect((await headOf(city)).last_position).toBe('9');
    expect(before.last_position).toBe('8');
    expect(await verify(city)).toEqual(expect.objectContaining({ ok: true, events: 9 }));
  });

  it("refuses append_events for any city but the transaction's app.tenant_id", async () => {
    const ghent = await seededCity();
    const padua = await seededCity();
    const call = (city: string) =>
      app.query(`select * from append_events($1, 'organisation-x', 0, $2::jsonb, null)`, [
        city,
        JSON.stringify([newEvent('OrganisationRegistered')]),
      ]);
    const refused = /append_events: the city is not the transaction's app.tenant_id/;
    await expect(asApp(ghent, () => call(padua))).rejects.toThrow(refused);
    // Without a city in the transaction at all.
    await expect(call(padua)).rejects.toThrow(refused);
    expect(await verify(padua)).toEqual(expect.objectContaining({ ok: true, events: 8, headPosition: 8 }));
  });

  it('verifies a log written with hash version 1 before the upgrade and version 2 after it', async () => {
    const city = await newCity();
    // Three events as append_events wrote them before hash version 2 (written as the superuser).
    for (let position = 1; position <= 3; position++) {
      await admin.query(
        `INSERT INTO events (${INSERT_COLUMNS})
         SELECT e.*, ${SQL_HASH_V1}
           FROM (SELECT $1::uuid AS tenant_id, $2::bigint AS position, $3::text AS stream_id, $2::int AS stream_version,
                        gen_random_uuid() AS event_id, 'OrganisationRenamed'::text AS type, 1 AS schema_version,
                        '{"name": "Gent | Gand"}'::jsonb AS data, '{"actorId": "v1"}'::jsonb AS metadata,
                        clock_timestamp() AS recorded_at, pg_current_xact_id() AS tx_id,
                        CASE WHEN $2 = 2 THEN 'key|2' END AS idempotency_key, 1::smallint AS hash_version,
                        coalesce((SELECT hash FROM events WHERE tenant_id = $1 AND position = $2 - 1), repeat('0', 64))::char(64)
                          AS prev_hash) e`,
        [city, position, A],
      );
    }
    await admin.query(
      `INSERT INTO tenant_heads (tenant_id, last_position, last_hash)
       SELECT tenant_id, position, hash FROM events WHERE tenant_id = $1 AND position = 3`,
      [city],
    );
    await append(city, A, 3, ['OrganisationRenamed', 'OrganisationRenamed']);
    await append(city, B, 0, ['OrganisationRegistered']);
    expect(await hashVersions(city)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(await verify(city)).toEqual(
      expect.objectContaining({ ok: true, events: 6, streams: 2, headPosition: 6 }),
    );

    // Tampering is found on either side of the upgrade.
    await tamper([
      `UPDATE events SET data = '{"name": "Forged"}' WHERE tenant_id = $1 AND position = 2`,
      [city],
    ]);
    expect((await verify(city)).firstBroken).toEqual({
      position: 2,
      streamId: A,
      version: 2,
      reason: 'hash_mismatch',
    });
  });

  it('detects a version 2 event rewritten with the version 1 encoding, even with its hash recomputed', async () => {
    const city = await seededCity();
    await tamper(
      [
        `UPDATE events SET hash_version = 1, hash = ${SQL_HASH_V1} WHERE tenant_id = $1 AND position = 8`,
        [city],
      ],
      [
        `UPDATE tenant_heads SET last_hash = (SELECT hash FROM events WHERE tenant_id = $1 AND position = 8) WHERE tenant_id = $1`,
        [city],
      ],
    );
    expect((await verify(city)).firstBroken).toEqual({
      position: 8,
      streamId: B,
      version: 2,
      reason: 'hash_mismatch',
    });
  });

  it("never shows the application role another city's events or head, nor lets it append there", async () => {
    const ghent = await seededCity();
    const padua = await seededCity();
    const seen = await asApp(ghent, async () => ({
      tenants: (await app.query(`SELECT DISTINCT tenant_id FROM events`)).rows,
      paduaEvents: (await app.query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1`, [padua]))
        .rows,
      heads: (await app.query(`SELECT tenant_id FROM tenant_heads`)).rows,
    }));
    expect(seen).toEqual({
      tenants: [{ tenant_id: ghent }],
      paduaEvents: [{ n: 0 }],
      heads: [{ tenant_id: ghent }],
    });
    await expect(
      asApp(ghent, () =>
        app.query(`select * from append_events($1, 'organisation-x', 0, $2::jsonb, null)`, [
          padua,
          JSON.stringify([newEvent('OrganisationRegistered')]),
        ]),
      ),
    ).rejects.toThrow(/not the transaction's app.tenant_id/);
    expect(await verify(padua)).toEqual(expect.objectContaining({ ok: true, events: 8, headPosition: 8 }));
  });
});
