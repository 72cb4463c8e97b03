import { cellQuestionNames, DeclaredDimension, HIDDEN_FIELDS, templateCells } from '@rl/forms';

// One external submission as both platforms describe it, reduced to what a pull needs: the logical id
// that stays the same across edits, the id of this edit, when the server last changed it, and the
// answers by question name (groups flattened away).
export interface ExternalSubmission {
  logicalId: string;
  editId: string;
  changedAt: string | null;
  answers: Record<string, unknown>;
}

export interface MappedObservation {
  disaggregation: Record<string, string>;
  value: number;
}

export type MappedAnswers =
  | { ok: true; observations: MappedObservation[]; questions: string[]; hidden: Record<string, string> }
  | { ok: false; reason: string };

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;

// Numbers as ODK (JSON numbers) and Kobo (text) send them; blank means "not answered".
function numberOf(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

// The answers of the indicator's cells as observations, and the hidden fields; other questions (start,
// end, device id…) are left alone. A value that is no number is a rejection naming the question.
export function mapAnswers(
  answers: Record<string, unknown>,
  disaggregations: readonly DeclaredDimension[],
): MappedAnswers {
  const observations: MappedObservation[] = [];
  const questions: string[] = [];
  for (const [name, cell] of cellQuestionNames(templateCells(disaggregations))) {
    const value = numberOf(answers[name]);
    if (value === undefined) continue;
    if (value === null)
      return { ok: false, reason: `${name}: ${JSON.stringify(answers[name])} is not a number` };
    observations.push({ disaggregation: cell, value });
    questions.push(name);
  }
  if (observations.length === 0) return { ok: false, reason: 'no question of the indicator was answered' };
  const hidden: Record<string, string> = {};
  for (const field of Object.values(HIDDEN_FIELDS)) {
    const value = text(answers[field]);
    if (value) hidden[field] = value;
  }
  return { ok: true, observations, questions, hidden };
}

const bareUuid = (id: string) => id.replace(/^uuid:/, '');

// ODK Central OData: groups are nested objects; `__id` is the instanceID of the first version (the
// logical id), `meta.instanceID` that of the current edit, `__system` the server's dates.
export function fromOdkRow(row: Record<string, unknown>): ExternalSubmission | null {
  const logicalId = text(row.__id);
  if (!logicalId) return null;
  const system = (row.__system ?? {}) as Record<string, unknown>;
  const meta = (row.meta ?? {}) as Record<string, unknown>;
  const answers: Record<string, unknown> = {};
  const flatten = (node: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('__') || key.startsWith('@') || key === 'meta') continue;
      if (value !== null && typeof value === 'object' && !Array.isArray(value))
        flatten(value as Record<string, unknown>);
      else answers[key] = value;
    }
  };
  flatten(row);
  return {
    logicalId: bareUuid(logicalId),
    editId: bareUuid(text(meta.instanceID) ?? logicalId),
    changedAt: text(system.updatedAt) || text(system.submissionDate),
    answers,
  };
}

// KoboToolbox v2 data (and REST Service pushes): keys are group paths (`grp/sex_F`); `meta/rootUuid`
// names the first version once a submission was edited, `meta/instanceID` (or `_uuid`) this edit.
export function fromKoboRecord(record: Record<string, unknown>): ExternalSubmission | null {
  const editId = text(record['meta/instanceID']) ?? text(record._uuid);
  if (!editId) return null;
  const logicalId = text(record['meta/rootUuid']) || editId;
  const answers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith('_') || key.startsWith('meta/') || key.startsWith('formhub/')) continue;
    answers[key.slice(key.lastIndexOf('/') + 1)] = value;
  }
  return {
    logicalId: bareUuid(logicalId),
    editId: bareUuid(editId),
    changedAt: text(record._submission_time),
    answers,
  };
}
