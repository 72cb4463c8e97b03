import { createHash } from 'node:crypto';

// The prev_hash of a city's first event.
export const GENESIS_HASH = '0'.repeat(64);

// One stored event with the exact text forms that append_events hashed (tenant_id::text, data::text,
// metadata::text, recorded_at as 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"' in UTC, …).
export interface ChainRow {
  // How the canonical text was encoded: 1 (joined with '|') or 2 (netstrings).
  hashVersion: number;
  tenantId: string;
  position: number;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  dataText: string;
  metadataText: string;
  recordedAt: string;
  txId: string;
  idempotencyKey: string | null;
  prevHash: string;
  hash: string;
}

// The city's head row (tenant_heads); a city that never appended has position 0 and the genesis hash.
export interface ChainHead {
  lastPosition: number;
  lastHash: string;
}

export const BREAK_REASONS = [
  'position_gap', // an event (or a whole stream) was deleted
  'prev_hash_mismatch', // an event was inserted or events were reordered
  'hash_mismatch', // an event's content was edited
  'stream_version_gap',
  'stream_version_duplicate',
  'head_mismatch', // the head disagrees with the last event (e.g. the last events were deleted)
  'checkpoint_mismatch', // a signed checkpoint's event is gone or has another hash (truncated, rewritten)
] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

// The first link that does not hold. streamId and version are those of the event at `position`, or of
// the first event after a gap; null when no such event exists (trailing events deleted).
export interface BrokenLink {
  position: number;
  streamId: string | null;
  version: number | null;
  reason: BreakReason;
  // With checkpoint_mismatch: the signed checkpoint the log no longer agrees with.
  checkpoint?: CheckpointRef;
}

// Names a checkpoint in a report.
export interface CheckpointRef {
  position: number;
  headHash: string;
  keyId: string;
  signedAt: string;
}

export interface ChainReport {
  ok: boolean;
  streams: number;
  events: number;
  headPosition: number;
  headHash: string;
  firstBroken?: BrokenLink;
}

// The fields the hash covers, in order, as the text the database hashed.
const fields = (row: ChainRow): (string | null)[] => [
  row.prevHash,
  row.tenantId,
  String(row.position),
  row.streamId,
  String(row.version),
  row.eventId,
  row.type,
  String(row.schemaVersion),
  row.dataText,
  row.metadataText,
  row.recordedAt,
  row.txId,
  row.idempotencyKey,
];

// A netstring: the field's length in UTF-8 bytes, ':', the field, ','; a null is '-,'.
const netstring = (field: string | null): string =>
  field === null ? '-,' : `${Buffer.byteLength(field, 'utf8')}:${field},`;

const HASH_VERSIONS = new Set([1, 2]);

// The same string the database hashed.
// Version 1: concat_ws('|', prev_hash, tenant_id, position, stream_id, stream_version, event_id, type,
// schema_version, data, metadata, recorded_at, tx_id, idempotency_key or ''), where a '|' inside a field
// is indistinguishable from a separator.
// Version 2: the hash version then the same fields, each a netstring, so no field can bleed into another.
export function canonicalEvent(row: ChainRow): string {
  switch (row.hashVersion) {
    case 1:
      return fields(row)
        .map((field) => field ?? '')
        .join('|');
    case 2:
      return [String(row.hashVersion), ...fields(row)].map(netstring).join('');
    default:
      throw new Error(`Unknown hash version ${row.hashVersion} at position ${row.position}`);
  }
}

export function eventHash(row: ChainRow): string {
  return createHash('sha256').update(canonicalEvent(row), 'utf8').digest('hex');
}

// Checks a city's hash chain incrementally, so rows can be fed chunk by chunk in position order and never
// all sit in memory; only the last version of each stream is kept. After the first broken link it only
// counts. Pure: no clock, no I/O.
export class HashChainCheck {
  private readonly versions = new Map<string, number>();
  private events = 0;
  private last: Pick<ChainRow, 'position' | 'hash' | 'streamId' | 'version' | 'hashVersion'> | null = null;
  private broken: BrokenLink | undefined;

  constructor(private readonly head: ChainHead) {}

  add(row: ChainRow): void {
    const lastPosition = this.last?.position ?? 0;
    if (row.position <= lastPosition) {
      throw new Error(
        `Chain rows must come in ascending position order: ${row.position} after ${lastPosition}`,
      );
    }
    const streamVersion = this.versions.get(row.streamId) ?? 0;
    this.versions.set(row.streamId, Math.max(streamVersion, row.version));
    this.events++;
    this.broken ??= this.check(row, streamVersion);
    this.last = row;
  }

  addAll(rows: Iterable<ChainRow>): this {
    for (const row of rows) this.add(row);
    return this;
  }

  finish(): ChainReport {
    const firstBroken = this.broken ?? this.checkHead();
    return {
      ok: firstBroken === undefined,
      streams: this.versions.size,
      events: this.events,
      headPosition: this.head.lastPosition,
      headHash: this.head.lastHash,
      ...(firstBroken && { firstBroken }),
    };
  }

  private check(row: ChainRow, streamVersion: number): BrokenLink | undefined {
    const at = (reason: BreakReason, position = row.position): BrokenLink => ({
      position,
      streamId: row.streamId,
      version: row.version,
      reason,
    });
    const expectedPosition = (this.last?.position ?? 0) + 1;
    if (row.position !== expectedPosition) return at('position_gap', expectedPosition);
    // An event the head does not cover was added behind the append function's back.
    if (row.position > this.head.lastPosition) return at('head_mismatch');
    if (row.prevHash !== (this.last?.hash ?? GENESIS_HASH)) return at('prev_hash_mismatch');
    // A city's log never returns to an older encoding: a version 1 event after a version 2 one was
    // written behind the append function's back.
    const hashVersionHolds =
      HASH_VERSIONS.has(row.hashVersion) && row.hashVersion >= (this.last?.hashVersion ?? 1);
    if (!hashVersionHolds || eventHash(row) !== row.hash) return at('hash_mismatch');
    if (row.version <= streamVersion) return at('stream_version_duplicate');
    if (row.version !== streamVersion + 1) return at('stream_version_gap');
    return undefined;
  }

  private checkHead(): BrokenLink | undefined {
    const last = this.last;
    const lastPosition = last?.position ?? 0;
    if (this.head.lastPosition === lastPosition && this.head.lastHash === (last?.hash ?? GENESIS_HASH)) {
      return undefined;
    }
    // The head is ahead of the log: the events after the last one were deleted.
    if (this.head.lastPosition > lastPosition) {
      return { position: lastPosition + 1, streamId: null, version: null, reason: 'head_mismatch' };
    }
    return {
      position: lastPosition,
      streamId: last?.streamId ?? null,
      version: last?.version ?? null,
      reason: 'head_mismatch',
    };
  }
}

// Verifies a whole chain given in position order.
export function verifyHashChain(rows: Iterable<ChainRow>, head: ChainHead): ChainReport {
  return new HashChainCheck(head).addAll(rows).finish();
}
