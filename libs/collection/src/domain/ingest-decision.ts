// What a pull does with one external submission, given what it recorded for the same logical id:
// the first time a submission, a new edit with other values a correction, and everything else nothing.
// Exactly once per (connection, logical id, edit): the record is keyed so, and the command that acts
// carries an idempotency key made of the same three.
export interface IngestRecord {
  // null when every edit so far was rejected.
  submissionId: string | null;
  editId: string;
  fingerprint: string;
}

export type IngestDecision =
  { kind: 'submit' } | { kind: 'correct'; submissionId: string } | { kind: 'ignore' };

export function decideIngest(
  previous: IngestRecord | undefined,
  incoming: { editId: string; fingerprint: string },
): IngestDecision {
  if (!previous) return { kind: 'submit' };
  if (previous.editId === incoming.editId) return { kind: 'ignore' };
  if (previous.submissionId === null) return { kind: 'submit' };
  if (previous.fingerprint === incoming.fingerprint) return { kind: 'ignore' };
  return { kind: 'correct', submissionId: previous.submissionId };
}
