import { generateKeyPairSync, verify } from 'node:crypto';
import { AuditedChainCheck, Checkpoint, checkpointSignatureValid, signCheckpoint } from './checkpoint';
import { ChainRow, eventHash, GENESIS_HASH } from './hash-chain';

const CITY = '0196c1d2-7a3b-7c4d-8e5f-000000000001';
const OTHER_CITY = '0196c1d2-7a3b-7c4d-8e5f-000000000002';
const key = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const KEYS = new Map([['k1', key.publicKey]]);

// A valid log of n events, one stream, chained as append_events chains it.
function log(n: number, change: (row: ChainRow) => ChainRow = (row) => row): ChainRow[] {
  const rows: ChainRow[] = [];
  for (let position = 1; position <= n; position++) {
    const row = change({
      hashVersion: 2,
      tenantId: CITY,
      position,
      streamId: 'org-a',
      version: position,
      eventId: `0196c1d2-7a3b-7c4d-8e5f-${String(position).padStart(12, '0')}`,
      type: 'OrganisationRenamed',
      schemaVersion: 1,
      dataText: `{"name": "Org ${position}"}`,
      metadataText: '{}',
      recordedAt: '2025-03-01T10:00:00.000000Z',
      txId: String(100 + position),
      idempotencyKey: null,
      prevHash: rows.at(-1)?.hash ?? GENESIS_HASH,
      hash: '',
    });
    rows.push({ ...row, hash: eventHash(row) });
  }
  return rows;
}

const checkpointOf = (rows: ChainRow[], position: number, privateKey = key.privateKey, city = CITY) =>
  signCheckpoint(
    {
      cityId: city,
      position,
      headHash: position === 0 ? GENESIS_HASH : rows[position - 1].hash,
      signedAt: '2025-03-01T11:00:00.000Z',
      keyId: 'k1',
    },
    privateKey,
  );

const audit = (rows: ChainRow[], checkpoints: Checkpoint[]) => {
  const check = new AuditedChainCheck(
    CITY,
    { lastPosition: rows.at(-1)?.position ?? 0, lastHash: rows.at(-1)?.hash ?? GENESIS_HASH },
    checkpoints,
    KEYS,
  );
  for (const row of rows) check.add(row);
  return check.finish();
};

describe('signed checkpoints', () => {
  it('signs the documented lines, verifiable with node:crypto alone', () => {
    const checkpoint = checkpointOf(log(3), 3);
    const message = [
      'rights-ledger checkpoint v1',
      `city ${CITY}`,
      'position 3',
      `head ${checkpoint.headHash}`,
      'signed 2025-03-01T11:00:00.000Z',
    ].join('\n');
    expect(
      verify(null, Buffer.from(message), key.publicKey, Buffer.from(checkpoint.signature, 'base64')),
    ).toBe(true);
  });

  it('refuses an altered checkpoint, another key and a missing key', () => {
    const checkpoint = checkpointOf(log(3), 3);
    expect(checkpointSignatureValid(checkpoint, key.publicKey)).toBe(true);
    expect(checkpointSignatureValid({ ...checkpoint, position: 2 }, key.publicKey)).toBe(false);
    expect(
      checkpointSignatureValid({ ...checkpoint, signedAt: '2025-03-01T12:00:00.000Z' }, key.publicKey),
    ).toBe(false);
    expect(checkpointSignatureValid(checkpoint, stranger.publicKey)).toBe(false);
    expect(checkpointSignatureValid(checkpoint, undefined)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, signature: 'not base64!' }, key.publicKey)).toBe(false);
  });

  it('accepts a log that agrees with every checkpoint, at any position including the genesis', () => {
    const rows = log(5);
    const report = audit(rows, [checkpointOf(rows, 0), checkpointOf(rows, 2), checkpointOf(rows, 5)]);
    expect(report).toEqual(expect.objectContaining({ ok: true, checkpoints: 3, invalidCheckpoints: [] }));
    expect(report.firstBroken).toBeUndefined();
  });

  it('detects a truncated log whose head was moved back, naming the checkpoint', () => {
    const rows = log(5);
    const checkpoint = checkpointOf(rows, 4);
    expect(audit(rows.slice(0, 3), [checkpoint]).firstBroken).toEqual({
      position: 4,
      streamId: null,
      version: null,
      reason: 'checkpoint_mismatch',
      checkpoint: { position: 4, headHash: rows[3].hash, keyId: 'k1', signedAt: '2025-03-01T11:00:00.000Z' },
    });
  });

  it('detects a rewritten and consistently re-chained log at the checkpoint', () => {
    const rows = log(5);
    const checkpoint = checkpointOf(rows, 4);
    const rewritten = log(5, (row) =>
      row.position === 2 ? { ...row, dataText: '{"name": "Forged"}' } : row,
    );
    // The chain alone holds…
    expect(audit(rewritten, []).ok).toBe(true);
    // …but not against what was signed before.
    expect(audit(rewritten, [checkpoint])).toEqual(
      expect.objectContaining({
        ok: false,
        firstBroken: expect.objectContaining({
          position: 4,
          streamId: 'org-a',
          reason: 'checkpoint_mismatch',
        }),
      }),
    );
  });

  it('detects a vanished log (events and head gone)', () => {
    const rows = log(5);
    expect(audit([], [checkpointOf(rows, 5)])).toEqual(
      expect.objectContaining({
        ok: false,
        events: 0,
        firstBroken: expect.objectContaining({ position: 5, reason: 'checkpoint_mismatch' }),
      }),
    );
  });

  it('reports forged checkpoints and does not check the chain against them', () => {
    const rows = log(5);
    const forged = { ...checkpointOf(rows, 3), headHash: 'f'.repeat(64) };
    const strangers = checkpointOf(rows, 4, stranger.privateKey);
    const otherCity = checkpointOf(rows, 2, key.privateKey, OTHER_CITY);
    const report = audit(rows, [forged, strangers, otherCity, checkpointOf(rows, 5)]);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toBeUndefined();
    expect(report.checkpoints).toBe(1);
    expect(report.invalidCheckpoints.map((c) => c.position)).toEqual([3, 4, 2]);
  });

  it('reports a chain break before a checkpoint mismatch', () => {
    const rows = log(5);
    const checkpoint = checkpointOf(rows, 5);
    const edited = rows.map((row) => (row.position === 2 ? { ...row, dataText: '{}' } : row));
    expect(audit(edited.slice(0, 4), [checkpoint]).firstBroken).toEqual(
      expect.objectContaining({ position: 2, reason: 'hash_mismatch' }),
    );
  });
});
