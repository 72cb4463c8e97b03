import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ChainReport, ChainVerifier, SigningKeys } from '@rl/audit';
import { asCityId } from '@rl/kernel';
import { databaseUrl, dataSourceOptions, TenantDb } from '@rl/persistence';
import { testConfig } from '../support/test-config';

// The same canonical text and hash as append_events, for a forger who rehashes the event they insert.
const SQL_HASH = `encode(sha256(convert_to(concat_ws('|', prev_hash, tenant_id::text, position::text, stream_id,
  stream_version::text, event_id::text, type, schema_version::text, data::text, metadata::text,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), tx_id::text, coalesce(idempotency_key, '')), 'UTF8')), 'hex')`;

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

  const append = (city: string, stream: string, expected: number, types: string[]) =>
    asApp(city, () =>
      app.query(`select * from append_events($1, $2, $3, $4::jsonb, null)`, [
        city,
        stream,
        expected,
        JSON.stringify(
          types.map((type, i) => ({
            eventId: randomUUID(),
            type,
            schemaVersion: 1,
            data: { stream, type, i, note: 'Gent | Gand — «Ghent»' },
            metadata: { actorId: 'tamper-test', actorRole: 'coordinator' },
          })),
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
                             metadata, recorded_at, prev_hash, hash)
         SELECT tenant_id, 5, 'organisation-forged', 1, $2, 'OrganisationRegistered', 1, '{"name": "Forged"}',
                metadata, recorded_at, hash, repeat('0', 64)
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
    await tamper(
      [
        `INSERT INTO events (tenant_id, position, stream_id, stream_version, event_id, type, schema_version, data,
                             metadata, recorded_at, prev_hash, hash)
         SELECT tenant_id, 9, stream_id, 3, $2, 'OrganisationRenamed', 1, '{"name": "Forged"}',
                metadata, recorded_at, hash, repeat('0', 64)
           FROM events WHERE tenant_id = $1 AND position = 8`,
        [city, randomUUID()],
      ],
      [`UPDATE events SET hash = ${SQL_HASH} WHERE tenant_id = $1 AND position = 9`, [city]],
    );
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

  it('refuses UPDATE and DELETE of events by the application role (append-only trigger)', async () => {
    const city = await seededCity();
    await expect(
      asApp(city, () => app.query(`UPDATE events SET data = '{}' WHERE tenant_id = $1`, [city])),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(
      asApp(city, () => app.query(`DELETE FROM events WHERE tenant_id = $1 AND position = 8`, [city])),
    ).rejects.toThrow(/append-only: DELETE refused/);
    await expect(asApp(city, () => app.query(`TRUNCATE events`))).rejects.toThrow();
    expect(await verify(city)).toEqual(expect.objectContaining({ ok: true, events: 8 }));
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
          JSON.stringify([
            {
              eventId: randomUUID(),
              type: 'OrganisationRegistered',
              schemaVersion: 1,
              data: {},
              metadata: {},
            },
          ]),
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await verify(padua)).toEqual(expect.objectContaining({ ok: true, events: 8, headPosition: 8 }));
  });
});
