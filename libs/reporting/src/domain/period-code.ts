import { PeriodErrors } from './reporting.errors';

export const PERIOD_GRANULARITIES = ['year', 'quarter', 'month', 'year_span'] as const;
export type PeriodGranularity = (typeof PERIOD_GRANULARITIES)[number];

// `end` is exclusive: the first day after the period, so consecutive periods meet without a gap and
// "in the period" is `start <= day < end`.
export interface PeriodCode {
  code: string;
  granularity: PeriodGranularity;
  start: string;
  end: string;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const day = (year: number, month: number) =>
  // month is 1-based and may be 13 (January of the next year).
  month > 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month)}-01`;

const invalid = (code: string, message: string) =>
  PeriodErrors.INVALID_CODE({
    message: `Invalid period code "${code}": ${message}`,
    errors: [{ field: 'code', message }],
  });

function checkYear(raw: string, year: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw invalid(raw, `year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
}

// A year `2024`, a quarter `2024-Q1`, a month `2024-03`, or a year span `2013/14` (also `2013/2014`,
// normalised to `2013/14`). Where a fiscal or school year starts differs by city and source, so a span
// covers both calendar years it touches: 2013-01-01 up to (excluding) 2015-01-01.
export function parsePeriodCode(input: string): PeriodCode {
  const raw = typeof input === 'string' ? input.trim() : '';
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(raw))) {
    const year = Number(m[1]);
    checkYear(raw, year);
    return { code: m[1], granularity: 'year', start: day(year, 1), end: day(year + 1, 1) };
  }
  if ((m = /^(\d{4})-[Qq](\d)$/.exec(raw))) {
    const year = Number(m[1]);
    const quarter = Number(m[2]);
    checkYear(raw, year);
    if (quarter < 1 || quarter > 4) throw invalid(raw, 'quarter must be Q1 to Q4');
    const first = (quarter - 1) * 3 + 1;
    return {
      code: `${m[1]}-Q${quarter}`,
      granularity: 'quarter',
      start: day(year, first),
      end: day(year, first + 3),
    };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(raw))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    checkYear(raw, year);
    if (month < 1 || month > 12) throw invalid(raw, 'month must be 01 to 12');
    return { code: raw, granularity: 'month', start: day(year, month), end: day(year, month + 1) };
  }
  if ((m = /^(\d{4})\/(\d{2}|\d{4})$/.exec(raw))) {
    const year = Number(m[1]);
    checkYear(raw, year);
    const second = m[2];
    const follows = second.length === 2 ? Number(second) === (year + 1) % 100 : Number(second) === year + 1;
    if (!follows) throw invalid(raw, 'the second year of a span must follow the first (e.g. 2013/14)');
    return {
      code: `${m[1]}/${pad((year + 1) % 100)}`,
      granularity: 'year_span',
      start: day(year, 1),
      end: day(year + 2, 1),
    };
  }
  throw invalid(
    raw || String(input),
    'must be a year (2024), quarter (2024-Q1), month (2024-03) or span (2013/14)',
  );
}
