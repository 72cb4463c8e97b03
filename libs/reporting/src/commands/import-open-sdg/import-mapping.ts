import { ImportErrors } from '../../domain/reporting.errors';
import { badField, Mapping } from './import-parse';

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string');

// The `mapping` form field: local column labels and values → the indicator's declared ones.
export function parseMapping(raw: string | undefined): Mapping {
  if (raw === undefined || raw.trim() === '') return { columns: {}, values: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badField(ImportErrors.INVALID_MAPPING, 'mapping', 'mapping must be JSON');
  }
  const { columns = {}, values = {} } = (parsed ?? {}) as { columns?: unknown; values?: unknown };
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !isStringRecord(columns) ||
    typeof values !== 'object' ||
    values === null ||
    !Object.values(values).every(isStringRecord)
  ) {
    throw badField(
      ImportErrors.INVALID_MAPPING,
      'mapping',
      'mapping must look like {"columns":{"Sexe":"sex"},"values":{"sex":{"Dona":"F"}}}',
    );
  }
  return { columns, values: values as Record<string, Record<string, string>> };
}
