import { Client } from 'pg';
import {
  AuditReport,
  CHAIN_COLUMNS,
  ChainRecord,
  CheckpointSigner,
  ChainVerifier,
  eventHash,
  toRow,
} from '@rl/audit';
import { asCityId } from '@rl/kernel';
import { databaseUrl } from '@rl/persistence';
import { ApiHarness, Session, TestCity } from '../support/api-harness';
import { appendOrganisations } from '../support/checkpoints';

// Whoever owns the tables can rewrite, truncate or delete a city's log and move its head so that the
// chain alone still holds. A checkpoint signed before (with a key the database never held) catches it:
// the tamper suite's owner attacks, as the superuser with triggers off, against the signed head.
describe('Tamper evidence through signed checkpoints', () => {
  let api: ApiHarness;
  let operator: Session;
  let admin: Client;
  let app: Client;

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    admin = new Client({ connectionString: databaseUrl(api.config, 'admin') });
    app = new Client({ connectionString: databaseUrl(api.config, 'app') });
    await admin.connect();
    await app.connect();
  });

  afterAll(async () => {
    await app.end();
    await admin.end();
    await api.close();
  });

  // A city with events up to `position`, signed there.
  const signedCity = async () => {
    const city = await api.city(operator, 'Tampertown');
    await appendOrganisations(api, city, 6);
    const checkpoint = await api.app.get(CheckpointSigner).signNow(asCityId(city.id));
    return { city, checkpoint };
  };

  const verify = (city: TestCity): Promise<AuditReport> =>
    api.app.get(ChainVerifier).verify(asCityId(city.id));

  const tamper = async (work: () => Promise<void>) => {
    await admin.query('BEGIN');
    try {
      await admin.query('SET LOCAL session_replication_role = replica');
      await work();
      await admin.query('COMMIT');
    } catch (error) {
      await admin.query('ROLLBACK');
      throw error;
    }
  };

  const moveHead = (city: TestCity, position: number) =>
    admin.query(
      `UPDATE tenant_heads SET last_position = $2,
              last_hash = coalesce((SELECT hash FROM events WHERE tenant_id = $1 AND position = $2), repeat('0', 64))
        WHERE tenant_id = $1`,
      [city.id, position],
    );

  it('verifies an untouched signed log', async () => {
    const { city } = await signedCity();
    expect(await verify(city)).toEqual(
      expect.objectContaining({ ok: true, checkpoints: 1, invalidCheckpoints: [] }),
    );
  });

  it('detects a truncated log whose head was moved back, naming the checkpoint', async () => {
    const { city, checkpoint } = await signedCity();
    await tamper(async () => {
      await admin.query(`DELETE FROM events WHERE tenant_id = $1 AND position > $2`, [
        city.id,
        checkpoint.position - 3,
      ]);
      await moveHead(city, checkpoint.position - 3);
    });
    const report = await verify(city);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({
      position: checkpoint.position,
      streamId: null,
      version: null,
      reason: 'checkpoint_mismatch',
      checkpoint: {
        position: checkpoint.position,
        headHash: checkpoint.headHash,
        keyId: checkpoint.keyId,
        signedAt: checkpoint.signedAt,
      },
    });
  });

  it('detects an event rewritten with everything after it re-chained, head included', async () => {
    const { city, checkpoint } = await signedCity();
    const target = checkpoint.position - 4;
    await tamper(async () => {
      await admin.query(
        `UPDATE events SET data = data || '{"name": "Forged"}' WHERE tenant_id = $1 AND position = $2`,
        [city.id, target],
      );
      // Re-chain from the rewritten event on, exactly as append_events hashes.
      const { rows } = await admin.query<ChainRecord>(
        `SELECT ${CHAIN_COLUMNS} FROM events WHERE tenant_id = $1 AND position >= $2 ORDER BY position`,
        [city.id, target],
      );
      let prevHash = (
        await admin.query<{ hash: string }>(
          `SELECT hash FROM events WHERE tenant_id = $1 AND position = $2`,
          [city.id, target - 1],
        )
      ).rows[0].hash;
      for (const record of rows) {
        const row = { ...toRow(record), prevHash };
        prevHash = eventHash(row);
        await admin.query(
          `UPDATE events SET prev_hash = $3, hash = $4 WHERE tenant_id = $1 AND position = $2`,
          [city.id, row.position, row.prevHash, prevHash],
        );
      }
      await moveHead(city, checkpoint.position);
    });
    const report = await verify(city);
    // The chain itself holds: only the checkpoint tells.
    expect(report.firstBroken).toEqual(
      expect.objectContaining({
        position: checkpoint.position,
        streamId: expect.stringMatching(/^organisation-/),
        reason: 'checkpoint_mismatch',
        checkpoint: expect.objectContaining({ headHash: checkpoint.headHash, keyId: checkpoint.keyId }),
      }),
    );
  });

  it('detects a vanished log (events and head row deleted)', async () => {
    const { city, checkpoint } = await signedCity();
    await tamper(async () => {
      await admin.query(`DELETE FROM events WHERE tenant_id = $1`, [city.id]);
      await admin.query(`DELETE FROM tenant_heads WHERE tenant_id = $1`, [city.id]);
    });
    expect(await verify(city)).toEqual(
      expect.objectContaining({
        ok: false,
        events: 0,
        headPosition: 0,
        firstBroken: expect.objectContaining({
          position: checkpoint.position,
          reason: 'checkpoint_mismatch',
        }),
      }),
    );
  });

  it('reports a forged or altered checkpoint, and checks the log against none of them', async () => {
    const { city, checkpoint } = await signedCity();
    // A forger moves the signed head back to match a truncation; the signature no longer holds.
    await admin.query(
      `INSERT INTO audit_checkpoints (tenant_id, id, position, head_hash, signed_at, key_id, signature)
       SELECT tenant_id, gen_random_uuid(), 2, (SELECT hash FROM events WHERE tenant_id = $1 AND position = 3), signed_at,
              key_id, signature
         FROM audit_checkpoints WHERE tenant_id = $1`,
      [city.id],
    );
    const report = await verify(city);
    expect(report).toEqual(
      expect.objectContaining({
        ok: false,
        checkpoints: 1,
        invalidCheckpoints: [expect.objectContaining({ position: 2, keyId: checkpoint.keyId })],
      }),
    );
    expect(report.firstBroken).toBeUndefined();
  });

  it('refuses the application role changing or deleting checkpoints and remembered keys', async () => {
    const { city } = await signedCity();
    await app.query('BEGIN');
    try {
      await app.query(`select set_config('app.tenant_id', $1, true)`, [city.id]);
      await expect(
        app.query(`UPDATE audit_checkpoints SET position = 1 WHERE tenant_id = $1`, [city.id]),
      ).rejects.toThrow('audit_checkpoints is append-only: UPDATE refused');
    } finally {
      await app.query('ROLLBACK');
    }
    await expect(app.query(`DELETE FROM signing_keys`)).rejects.toThrow(
      'signing_keys is append-only: DELETE refused',
    );
    expect(
      (await admin.query(`SELECT count(*)::int AS n FROM audit_checkpoints WHERE tenant_id = $1`, [city.id]))
        .rows[0].n,
    ).toBe(1);
  });
});
