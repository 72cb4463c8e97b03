import { createHash } from 'node:crypto';
import {
  canonicalEvent,
  ChainHead,
  ChainRow,
  eventHash,
  GENESIS_HASH,
  HashChainCheck,
  verifyHashChain,
} from './hash-chain';

const CITY = '0196c1d2-7a3b-7c4d-8e5f-000000000001';

// A valid chain built the way append_events builds it: positions 1…n, each event chained to the last.
// Like a city's log across the upgrade, the first `upgradeAt` events have hash version 1, the rest 2.
function chain(streams: string[], upgradeAt = 3): ChainRow[] {
  const versions = new Map<string, number>();
  const rows: ChainRow[] = [];
  streams.forEach((streamId, index) => {
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    const row: ChainRow = {
      hashVersion: index < upgradeAt ? 1 : 2,
      tenantId: CITY,
      position: index + 1,
      streamId,
      version,
      eventId: `0196c1d2-7a3b-7c4d-8e5f-${String(index + 1).padStart(12, '0')}`,
      type: version === 1 ? 'OrganisationRegistered' : 'OrganisationRenamed',
      schemaVersion: 1,
      dataText: `{"name": "Org ${index}", "note": "é|ü"}`,
      metadataText: '{"actorId": "u-1", "actorRole": "coordinator"}',
      recordedAt: `2025-03-0${1 + (index % 9)}T10:00:00.${String(index).padStart(6, '0')}Z`,
      txId: String(1000 + index),
      idempotencyKey: index % 2 === 0 ? `key-${index}` : null,
      prevHash: rows.at(-1)?.hash ?? GENESIS_HASH,
      hash: '',
    };
    rows.push({ ...row, hash: eventHash(row) });
  });
  return rows;
}

const headOf = (rows: ChainRow[]): ChainHead => ({
  lastPosition: rows.at(-1)?.position ?? 0,
  lastHash: rows.at(-1)?.hash ?? GENESIS_HASH,
});

// Recomputes every hash from `from` on, as a forger who rewrites the rest of the chain would.
function rechain(rows: ChainRow[], from = 0): ChainRow[] {
  const out = rows.slice(0, from);
  for (const row of rows.slice(from)) {
    const relinked = { ...row, prevHash: out.at(-1)?.hash ?? GENESIS_HASH };
    out.push({ ...relinked, hash: eventHash(relinked) });
  }
  return out;
}

const STREAMS = ['org-a', 'org-b', 'org-a', 'org-c', 'org-b', 'org-a', 'org-c'];

describe('hash chain verification', () => {
  it('matches the SQL hash of version 1: sha256 over the |-joined canonical text', () => {
    const [row] = chain(['org-a']);
    const text = [
      GENESIS_HASH,
      CITY,
      '1',
      'org-a',
      '1',
      row.eventId,
      'OrganisationRegistered',
      '1',
      row.dataText,
      row.metadataText,
      row.recordedAt,
      '1000',
      'key-0',
    ].join('|');
    expect(row.hash).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
  });

  it('matches the SQL hash of version 2: sha256 over netstrings, lengths in UTF-8 bytes, null as "-,"', () => {
    const [row] = chain(['org-a'], 0);
    const key = { ...row, idempotencyKey: null };
    const text =
      `1:2,64:${GENESIS_HASH},36:${CITY},1:1,5:org-a,1:1,36:${row.eventId},22:OrganisationRegistered,1:1,` +
      // 32 characters, 34 bytes: "é" and "ü" are two bytes each in UTF-8.
      `34:{"name": "Org 0", "note": "é|ü"},46:{"actorId": "u-1", "actorRole": "coordinator"},` +
      `27:2025-03-01T10:00:00.000000Z,4:1000,`;
    expect(canonicalEvent(row)).toBe(`${text}5:key-0,`);
    expect(row.hash).toBe(
      createHash('sha256')
        .update(Buffer.from(`${text}5:key-0,`, 'utf8'))
        .digest('hex'),
    );
    expect(canonicalEvent(key)).toBe(`${text}-,`);
  });

  // v1 cannot tell where a field ends: the same text, hence the same hash, for another stream, version,
  // event id and type (a '|' moved from the stream id into the type). v2 encodes each field's length.
  it.each([
    [1, true],
    [2, false],
  ])('version %i: a moved field boundary keeps the chain valid: %s', (hashVersion, accepted) => {
    const [row] = chain(['org-a|1'], hashVersion === 1 ? 1 : 0);
    const rows = [{ ...row, version: 2 }].map((r) => ({ ...r, hash: eventHash(r) }));
    const moved: ChainRow = {
      ...rows[0],
      streamId: 'org-a',
      version: 1,
      eventId: '2',
      type: `${rows[0].eventId}|${rows[0].type}`,
    };
    expect(canonicalEvent(moved) === canonicalEvent(rows[0])).toBe(accepted);
    expect(verifyHashChain([moved], headOf(rows)).ok).toBe(accepted);
    if (!accepted) {
      expect(verifyHashChain([moved], headOf(rows)).firstBroken).toEqual(
        expect.objectContaining({ position: 1, reason: 'hash_mismatch' }),
      );
    }
  });

  it.each([
    [1, true],
    [2, false],
  ])('version %i: an empty idempotency key passes for none: %s', (hashVersion, accepted) => {
    const rows = chain(['org-a', 'org-a'], hashVersion === 1 ? 2 : 0);
    const emptied = [rows[0], { ...rows[1], idempotencyKey: '' }];
    expect(rows[1].idempotencyKey).toBeNull();
    expect(verifyHashChain(emptied, headOf(rows)).ok).toBe(accepted);
  });

  it('verifies a log upgraded mid-way (v1 then v2) and refuses a v1 event after a v2 one', () => {
    const rows = chain(STREAMS, 4);
    expect(rows.map((r) => r.hashVersion)).toEqual([1, 1, 1, 1, 2, 2, 2]);
    expect(verifyHashChain(rows, headOf(rows)).ok).toBe(true);
    // Re-encoded as version 1 (rehashed, and the chain after it too): the weaker encoding is refused.
    const downgraded = rechain([...rows.slice(0, 5), { ...rows[5], hashVersion: 1 }, rows[6]], 5);
    expect(verifyHashChain(downgraded, headOf(downgraded)).firstBroken).toEqual({
      position: 6,
      streamId: 'org-a',
      version: 3,
      reason: 'hash_mismatch',
    });
  });

  it('reports an unknown hash version as a hash mismatch', () => {
    const rows = chain(STREAMS);
    rows[4] = { ...rows[4], hashVersion: 3 };
    expect(verifyHashChain(rows, headOf(rows)).firstBroken).toEqual(
      expect.objectContaining({ position: 5, reason: 'hash_mismatch' }),
    );
  });

  it('accepts an intact chain and counts events and distinct streams', () => {
    const rows = chain(STREAMS);
    expect(verifyHashChain(rows, headOf(rows))).toEqual({
      ok: true,
      streams: 3,
      events: 7,
      headPosition: 7,
      headHash: rows[6].hash,
    });
  });

  it('accepts an empty city whose head is at the genesis', () => {
    expect(verifyHashChain([], { lastPosition: 0, lastHash: GENESIS_HASH })).toEqual({
      ok: true,
      streams: 0,
      events: 0,
      headPosition: 0,
      headHash: GENESIS_HASH,
    });
  });

  it('gives the same answer when fed chunk by chunk', () => {
    const rows = chain(STREAMS);
    const check = new HashChainCheck(headOf(rows));
    for (let i = 0; i < rows.length; i += 3) check.addAll(rows.slice(i, i + 3));
    expect(check.finish()).toEqual(verifyHashChain(rows, headOf(rows)));
  });

  it('reports edited content as a hash mismatch at that event', () => {
    const rows = chain(STREAMS);
    rows[3] = { ...rows[3], dataText: '{"name": "Forged"}' };
    expect(verifyHashChain(rows, headOf(rows)).firstBroken).toEqual({
      position: 4,
      streamId: 'org-c',
      version: 1,
      reason: 'hash_mismatch',
    });
  });

  it.each<[string, Partial<ChainRow>]>([
    ['metadata', { metadataText: '{"actorId": "someone-else"}' }],
    ['recorded_at', { recordedAt: '2020-01-01T00:00:00.000000Z' }],
    ['tx_id', { txId: '1' }],
    ['idempotency_key', { idempotencyKey: 'forged-key' }],
    ['type', { type: 'OrganisationDissolved' }],
    ['schema version', { schemaVersion: 2 }],
    ['event id', { eventId: '0196c1d2-7a3b-7c4d-8e5f-999999999999' }],
    ['city', { tenantId: '0196c1d2-7a3b-7c4d-8e5f-000000000002' }],
  ])('detects an edited %s, in a version 1 and a version 2 event', (_, change) => {
    for (const index of [1, 4]) {
      const rows = chain(STREAMS);
      rows[index] = { ...rows[index], ...change };
      expect(verifyHashChain(rows, headOf(rows)).firstBroken).toEqual(
        expect.objectContaining({ position: index + 1, reason: 'hash_mismatch' }),
      );
    }
  });

  it('reports a stored hash that was edited at the event whose hash no longer matches', () => {
    const rows = chain(STREAMS);
    rows[2] = { ...rows[2], hash: 'f'.repeat(64) };
    expect(verifyHashChain(rows, headOf(rows)).firstBroken).toEqual(
      expect.objectContaining({ position: 3, reason: 'hash_mismatch' }),
    );
  });

  it('reports an inserted event (later positions shifted, forged event hashed) as a prev_hash mismatch after it', () => {
    const rows = chain(STREAMS);
    const forgedBase: ChainRow = {
      ...rows[2],
      streamId: 'org-x',
      version: 1,
      prevHash: rows[2].hash,
      position: 4,
    };
    const forged = { ...forgedBase, hash: eventHash(forgedBase) };
    const shifted = [
      ...rows.slice(0, 3),
      forged,
      ...rows.slice(3).map((r) => ({ ...r, position: r.position + 1 })),
    ];
    const report = verifyHashChain(shifted, { lastPosition: 8, lastHash: shifted[7].hash });
    expect(report.firstBroken).toEqual({
      position: 5,
      streamId: 'org-c',
      version: 1,
      reason: 'prev_hash_mismatch',
    });
    expect(report.events).toBe(8);
    expect(report.streams).toBe(4);
  });

  it('reports a forged event with an invented prev_hash at that event', () => {
    const rows = chain(STREAMS);
    rows[4] = { ...rows[4], prevHash: 'a'.repeat(64) };
    expect(verifyHashChain(rows, headOf(rows)).firstBroken).toEqual(
      expect.objectContaining({ position: 5, reason: 'prev_hash_mismatch' }),
    );
  });

  it('reports two swapped events as a prev_hash mismatch at the first of them', () => {
    const rows = chain(STREAMS);
    const swapped = [...rows];
    [swapped[2], swapped[3]] = [
      { ...rows[3], position: 3 },
      { ...rows[2], position: 4 },
    ];
    expect(verifyHashChain(swapped, headOf(rows)).firstBroken).toEqual(
      expect.objectContaining({ position: 3, streamId: 'org-c', reason: 'prev_hash_mismatch' }),
    );
  });

  it('reports a deleted event as a gap at its position, naming the event after the gap', () => {
    const rows = chain(STREAMS);
    const report = verifyHashChain([...rows.slice(0, 2), ...rows.slice(3)], headOf(rows));
    expect(report.firstBroken).toEqual({
      position: 3,
      streamId: 'org-c',
      version: 1,
      reason: 'position_gap',
    });
    expect(report.ok).toBe(false);
    expect(report.events).toBe(6);
  });

  it('reports a deleted whole stream as a gap at its first position', () => {
    const rows = chain(STREAMS);
    const withoutB = rows.filter((r) => r.streamId !== 'org-b');
    const report = verifyHashChain(withoutB, headOf(rows));
    expect(report.firstBroken).toEqual({
      position: 2,
      streamId: 'org-a',
      version: 2,
      reason: 'position_gap',
    });
    expect(report.streams).toBe(2);
  });

  it('reports a deleted first event as a gap at position 1', () => {
    const rows = chain(STREAMS);
    expect(verifyHashChain(rows.slice(1), headOf(rows)).firstBroken).toEqual(
      expect.objectContaining({ position: 1, streamId: 'org-b', reason: 'position_gap' }),
    );
  });

  it('reports deleted last events as a head mismatch at the first missing position', () => {
    const rows = chain(STREAMS);
    expect(verifyHashChain(rows.slice(0, 5), headOf(rows)).firstBroken).toEqual({
      position: 6,
      streamId: null,
      version: null,
      reason: 'head_mismatch',
    });
    expect(verifyHashChain([], headOf(rows)).firstBroken).toEqual(
      expect.objectContaining({ position: 1, reason: 'head_mismatch' }),
    );
  });

  it('reports a head whose hash disagrees with the last event', () => {
    const rows = chain(STREAMS);
    expect(verifyHashChain(rows, { lastPosition: 7, lastHash: 'b'.repeat(64) }).firstBroken).toEqual({
      position: 7,
      streamId: 'org-c',
      version: 2,
      reason: 'head_mismatch',
    });
  });

  it('reports events beyond the head, even correctly chained ones, as a head mismatch', () => {
    const rows = chain(STREAMS);
    expect(verifyHashChain(rows, headOf(rows.slice(0, 6))).firstBroken).toEqual({
      position: 7,
      streamId: 'org-c',
      version: 2,
      reason: 'head_mismatch',
    });
  });

  it('reports a skipped stream version, even with a consistently rehashed chain', () => {
    const rows = chain(STREAMS);
    rows[2] = { ...rows[2], version: 3 };
    const rehashed = rechain(rows, 2);
    expect(verifyHashChain(rehashed, headOf(rehashed)).firstBroken).toEqual({
      position: 3,
      streamId: 'org-a',
      version: 3,
      reason: 'stream_version_gap',
    });
  });

  it('reports a repeated stream version, even with a consistently rehashed chain', () => {
    const rows = chain(STREAMS);
    rows[5] = { ...rows[5], version: 2 };
    const rehashed = rechain(rows, 5);
    expect(verifyHashChain(rehashed, headOf(rehashed)).firstBroken).toEqual({
      position: 6,
      streamId: 'org-a',
      version: 2,
      reason: 'stream_version_duplicate',
    });
  });

  it('reports a stream that does not start at version 1', () => {
    const rows = chain(['org-a']);
    rows[0] = { ...rows[0], version: 2 };
    const rehashed = rechain(rows);
    expect(verifyHashChain(rehashed, headOf(rehashed)).firstBroken).toEqual(
      expect.objectContaining({ position: 1, reason: 'stream_version_gap' }),
    );
  });

  it('reports only the first of several breaks and still counts everything', () => {
    const rows = chain(STREAMS);
    rows[1] = { ...rows[1], dataText: '{}' };
    const report = verifyHashChain([...rows.slice(0, 4), ...rows.slice(5)], headOf(rows));
    expect(report.firstBroken).toEqual(expect.objectContaining({ position: 2, reason: 'hash_mismatch' }));
    expect(report).toEqual(expect.objectContaining({ ok: false, events: 6, streams: 3, headPosition: 7 }));
  });

  it('refuses rows out of position order (a caller bug, not tampering)', () => {
    const rows = chain(STREAMS);
    expect(() => verifyHashChain([rows[1], rows[0]], headOf(rows))).toThrow('ascending position order');
  });
});
