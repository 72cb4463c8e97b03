import { FieldError } from '@rl/kernel';
import { MalformedSubmissionErrors, SubmissionErrors } from './reporting.errors';
import { Observation, OBSERVATION_STATUSES, ObservationStatus } from './submission.events';

export const MAX_OBSERVATIONS = 10_000;

// What the checks need of the indicator definition (the indicators context owns the full one).
export interface DeclaredIndicator {
  unit: string;
  disaggregations: { dimension: string; values: string[] }[];
}

export interface ObservationInput {
  disaggregation?: Record<string, unknown>;
  value: unknown;
  status?: unknown;
}

// Earlier validated values of one series key, oldest first (other periods only).
export type ValidatedHistory = (key: string) => number[];

const YES_NO = new Set(['yes/no', 'yes_no', 'boolean', 'binary']);
const PERCENT = new Set(['percent', '%', 'percentage']);
const COUNT = new Set(['count', 'number', 'persons', 'people', 'cases']);

export const seriesKey = (disaggregation: Record<string, string>): string =>
  Object.keys(disaggregation)
    .sort()
    .map((dimension) => `${dimension}:${disaggregation[dimension]}`)
    .join(',');

// Parses `sex:F,district:North` (the query form of a series key) into a disaggregation.
export function parseSeriesKey(raw: string | undefined): Record<string, string> | null {
  if (raw === undefined || raw.trim() === '') return {};
  const result: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    const at = pair.indexOf(':');
    if (at <= 0 || at === pair.length - 1) return null;
    const dimension = pair.slice(0, at).trim();
    if (dimension in result) return null;
    result[dimension] = pair.slice(at + 1).trim();
  }
  return result;
}

// What a unit allows: the checks below, and the spreadsheet and mobile-form validations built from them.
export type UnitKind = 'yes_no' | 'percent' | 'count' | 'number';

export function unitKind(unit: string): UnitKind {
  const u = unit.trim().toLowerCase();
  if (YES_NO.has(u)) return 'yes_no';
  if (PERCENT.has(u)) return 'percent';
  return COUNT.has(u) ? 'count' : 'number';
}

function unitError(unit: string, value: number): string | null {
  const kind = unitKind(unit);
  if (kind === 'yes_no' && value !== 0 && value !== 1) return 'must be 0 or 1 for a yes/no indicator';
  if (kind === 'percent' && (value < 0 || value > 100)) return 'must be between 0 and 100 for a percentage';
  if (kind === 'count' && (!Number.isInteger(value) || value < 0)) {
    return 'must be a non-negative whole number for a count';
  }
  return null;
}

// A value is an outlier if it differs from the latest validated one of its series key by more than a
// factor of 3, or (with at least 4 earlier values) lies more than 3 standard deviations from their mean.
export function plausibility(value: number, history: number[]): string | null {
  if (history.length === 0) return null;
  if (history.length >= 4) {
    const mean = history.reduce((a, b) => a + b, 0) / history.length;
    const sd = Math.sqrt(history.reduce((a, b) => a + (b - mean) ** 2, 0) / (history.length - 1));
    if (sd > 0) {
      const z = Math.abs(value - mean) / sd;
      if (z > 3) return `z-score ${z.toFixed(1)} over ${history.length} earlier validated values`;
    }
  }
  const latest = history[history.length - 1];
  const [low, high] = [
    Math.min(Math.abs(value), Math.abs(latest)),
    Math.max(Math.abs(value), Math.abs(latest)),
  ];
  if (high > 0 && (low === 0 || high / low > 3 || Math.sign(value) !== Math.sign(latest))) {
    return `differs by more than a factor of 3 from the latest validated value ${latest}`;
  }
  return null;
}

// Checks observations against the indicator's unit and declared dimensions and flags outliers. Malformed
// values are a 400, values the definition does not allow a 422; every bad field is named.
export function checkObservations(
  indicator: DeclaredIndicator,
  inputs: readonly ObservationInput[],
  history: ValidatedHistory = () => [],
  field = 'observations',
): Observation[] {
  const malformed: FieldError[] = [];
  const invalid: FieldError[] = [];
  if (inputs.length > MAX_OBSERVATIONS) {
    malformed.push({ field, message: `must contain at most ${MAX_OBSERVATIONS} observations` });
  }
  if (inputs.length === 0) malformed.push({ field, message: 'must contain at least one observation' });
  const declared = new Map(indicator.disaggregations.map((d) => [d.dimension, d.values]));
  const seen = new Map<string, number>();
  const result: Observation[] = [];
  inputs.forEach((input, i) => {
    const at = `${field}.${i}`;
    const { value } = input;
    let ok = true;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      malformed.push({ field: `${at}.value`, message: 'must be a finite number' });
      ok = false;
    } else {
      const problem = unitError(indicator.unit, value);
      if (problem) {
        invalid.push({ field: `${at}.value`, message: problem });
        ok = false;
      }
    }
    const status = input.status ?? 'normal';
    if (typeof status !== 'string' || !(OBSERVATION_STATUSES as readonly string[]).includes(status)) {
      malformed.push({ field: `${at}.status`, message: `must be one of ${OBSERVATION_STATUSES.join(', ')}` });
      ok = false;
    }
    const disaggregation: Record<string, string> = {};
    for (const [dimension, raw] of Object.entries(input.disaggregation ?? {})) {
      const path = `${at}.disaggregation.${dimension}`;
      if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 100) {
        malformed.push({ field: path, message: 'must be a non-blank text of at most 100 characters' });
        ok = false;
        continue;
      }
      const values = declared.get(dimension);
      if (values === undefined) {
        invalid.push({ field: path, message: `${dimension} is not a declared dimension of this indicator` });
        ok = false;
      } else if (values.length > 0 && !values.includes(raw)) {
        invalid.push({ field: path, message: `must be one of ${values.join(', ')}` });
        ok = false;
      } else {
        disaggregation[dimension] = raw;
      }
    }
    if (!ok) return;
    const key = seriesKey(disaggregation);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      invalid.push({
        field: `${at}.disaggregation`,
        message: `repeats the disaggregation of ${field}.${earlier}`,
      });
      return;
    }
    seen.set(key, i);
    const reason = plausibility(value as number, history(key));
    result.push({
      key,
      disaggregation,
      value: value as number,
      status: status as ObservationStatus,
      ...(reason !== null && { outlier: { reason } }),
    });
  });
  if (malformed.length > 0) {
    throw MalformedSubmissionErrors.INVALID_OBSERVATIONS({
      message: `Malformed observations: ${malformed.map((e) => e.field).join(', ')}`.slice(0, 500),
      errors: [...malformed, ...invalid],
    });
  }
  if (invalid.length > 0) {
    throw SubmissionErrors.INVALID_OBSERVATIONS({
      message: `Observations the indicator does not allow: ${invalid.map((e) => e.field).join(', ')}`.slice(
        0,
        500,
      ),
      errors: invalid,
    });
  }
  return result;
}
