import { KeyObject } from 'node:crypto';
import { AuditedChainCheck, AuditReport, Checkpoint, checkpointSignatureValid } from './checkpoint';
import { ChainHead, ChainRow } from './hash-chain';

// Offline verification of an export (GET …/audit/export): NDJSON with a {"head"} line and {"checkpoint"}
// lines first, then one ChainRow per event. Checked with the same code as the database verifier, against
// the export's checkpoints and any the auditor kept themselves (from a webhook, an earlier list), with
// public keys the auditor obtained; nothing from the server is trusted but the signatures.
export class ExportFormatError extends Error {
  override readonly name = 'ExportFormatError';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isChainHead = (value: Record<string, unknown>): value is Record<string, unknown> & ChainHead =>
  typeof value.lastPosition === 'number' && typeof value.lastHash === 'string';

const isCheckpoint = (value: Record<string, unknown>): value is Record<string, unknown> & Checkpoint =>
  typeof value.position === 'number' &&
  ['cityId', 'headHash', 'signedAt', 'keyId', 'signature'].every((field) => typeof value[field] === 'string');

// Only what tells an event line apart is checked here: any other field out of shape breaks the row's
// hash, which the check reports at the row's position.
const isChainRow = (value: Record<string, unknown>): value is Record<string, unknown> & ChainRow =>
  typeof value.position === 'number' && typeof value.tenantId === 'string';

export async function verifyExport(
  lines: AsyncIterable<string>,
  publicKeys: readonly KeyObject[],
  ownCheckpoints: readonly Checkpoint[] = [],
): Promise<AuditReport & { cityId: string | null }> {
  let head: ChainHead | undefined;
  const checkpoints = [...ownCheckpoints];
  let check: AuditedChainCheck | undefined;
  let cityId: string | null = null;
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ExportFormatError(`line ${number} is not JSON`);
    }
    if (!isObject(value)) throw new ExportFormatError(`line ${number} is not a JSON object`);
    if (check === undefined && isObject(value.head)) {
      if (!isChainHead(value.head)) throw new ExportFormatError(`line ${number}: the head is out of shape`);
      head = value.head;
    } else if (check === undefined && isObject(value.checkpoint)) {
      if (!isCheckpoint(value.checkpoint))
        throw new ExportFormatError(`line ${number}: the checkpoint is out of shape`);
      checkpoints.push(value.checkpoint);
    } else if (isChainRow(value)) {
      if (check === undefined) {
        if (head === undefined)
          throw new ExportFormatError('the export has no {"head"} line before its events');
        cityId = value.tenantId;
        check = new AuditedChainCheck(cityId, head, checkpoints, keysById(checkpoints, publicKeys));
      }
      check.add(value);
    } else {
      throw new ExportFormatError(
        `line ${number} is neither an event nor a head or checkpoint before the events`,
      );
    }
  }
  if (head === undefined) throw new ExportFormatError('the export has no {"head"} line');
  // A log without events: its checkpoints name the city.
  cityId ??= checkpoints[0]?.cityId ?? null;
  check ??= new AuditedChainCheck(cityId ?? '', head, checkpoints, keysById(checkpoints, publicKeys));
  return { cityId, ...check.finish() };
}

// The auditor's keys carry no ids: each checkpoint's key id maps to the given key that verifies it.
function keysById(
  checkpoints: readonly Checkpoint[],
  publicKeys: readonly KeyObject[],
): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const c of checkpoints) {
    const key = publicKeys.find((k) => checkpointSignatureValid(c, k));
    if (key && !keys.has(c.keyId)) keys.set(c.keyId, key);
  }
  return keys;
}
