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
    if (check === undefined && isObject(value.head)) head = value.head as unknown as ChainHead;
    else if (check === undefined && isObject(value.checkpoint))
      checkpoints.push(value.checkpoint as unknown as Checkpoint);
    else if (typeof value.position === 'number' && typeof value.tenantId === 'string') {
      const row = value as unknown as ChainRow;
      if (check === undefined) {
        if (head === undefined)
          throw new ExportFormatError('the export has no {"head"} line before its events');
        cityId = row.tenantId;
        check = new AuditedChainCheck(cityId, head, checkpoints, keysById(checkpoints, publicKeys));
      }
      check.add(row);
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
