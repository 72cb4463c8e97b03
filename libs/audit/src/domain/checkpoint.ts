import { createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { Checkpoint } from '@rl/kernel';
import { BrokenLink, ChainHead, ChainReport, ChainRow, CheckpointRef, HashChainCheck } from './hash-chain';

export { Checkpoint };

export type UnsignedCheckpoint = Omit<Checkpoint, 'signature'>;

// The signed text (documented in API.md): fixed lines, no trailing newline.
export const checkpointMessage = (c: UnsignedCheckpoint): string =>
  [
    'rights-ledger checkpoint v1',
    `city ${c.cityId}`,
    `position ${c.position}`,
    `head ${c.headHash}`,
    `signed ${c.signedAt}`,
  ].join('\n');

export const signCheckpoint = (c: UnsignedCheckpoint, privateKey: KeyObject): Checkpoint => ({
  ...c,
  signature: sign(null, Buffer.from(checkpointMessage(c), 'utf8'), privateKey).toString('base64'),
});

export function checkpointSignatureValid(c: Checkpoint, publicKey: KeyObject | undefined): boolean {
  if (publicKey === undefined) return false;
  try {
    return verify(
      null,
      Buffer.from(checkpointMessage(c), 'utf8'),
      publicKey,
      Buffer.from(c.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

// Public keys by key id, from SPKI PEMs (configuration, the signing_keys table, an auditor's file).
export const publicKeyMap = (keys: Iterable<{ keyId: string; publicKey: string }>) =>
  new Map([...keys].map((k) => [k.keyId, createPublicKey(k.publicKey)]));

export const checkpointRef = (c: Checkpoint): CheckpointRef => ({
  position: c.position,
  headHash: c.headHash,
  keyId: c.keyId,
  signedAt: c.signedAt,
});

export interface AuditReport extends ChainReport {
  // Stored checkpoints whose signature holds (and the chain was checked against).
  checkpoints: number;
  // Stored checkpoints whose signature does not verify with any known key: forged or altered.
  invalidCheckpoints: CheckpointRef[];
}

// The hash chain check plus every signed checkpoint: the event at a checkpoint's position must exist and
// carry its head hash. Rows come in position order, chunk by chunk, as for HashChainCheck.
export class AuditedChainCheck {
  private readonly chain: HashChainCheck;
  private readonly pending = new Map<number, Checkpoint[]>();
  private readonly valid: Checkpoint[] = [];
  private readonly invalid: Checkpoint[] = [];
  private mismatch: BrokenLink | undefined;

  constructor(
    cityId: string,
    head: ChainHead,
    checkpoints: readonly Checkpoint[],
    keys: ReadonlyMap<string, KeyObject>,
  ) {
    this.chain = new HashChainCheck(head);
    for (const c of checkpoints) {
      // A genuine checkpoint of another city proves nothing about this one.
      const genuine = c.cityId === cityId && checkpointSignatureValid(c, keys.get(c.keyId));
      (genuine ? this.valid : this.invalid).push(c);
      if (genuine && c.position > 0)
        this.pending.set(c.position, [...(this.pending.get(c.position) ?? []), c]);
    }
  }

  add(row: ChainRow): void {
    this.chain.add(row);
    const wrong = this.pending.get(row.position)?.find((c) => c.headHash !== row.hash);
    this.pending.delete(row.position);
    if (wrong) this.mismatch ??= this.broken(wrong, row);
  }

  finish(): AuditReport {
    const report = this.chain.finish();
    // Checkpoints beyond the last event: the log was truncated (or vanished with its head).
    const [missing] = [...this.pending.values()].flat().sort((a, b) => a.position - b.position);
    const mismatch = this.mismatch ?? (missing && this.broken(missing));
    const firstBroken = report.firstBroken ?? mismatch;
    return {
      ...report,
      ok: firstBroken === undefined && this.invalid.length === 0,
      ...(firstBroken && { firstBroken }),
      checkpoints: this.valid.length,
      invalidCheckpoints: this.invalid.map(checkpointRef),
    };
  }

  private broken(c: Checkpoint, row?: ChainRow): BrokenLink {
    return {
      position: c.position,
      streamId: row?.streamId ?? null,
      version: row?.version ?? null,
      reason: 'checkpoint_mismatch',
      checkpoint: checkpointRef(c),
    };
  }
}
