import { DomainError } from './domain-error';

// Keyset pagination: a page ends with the sort key of its last row, handed out as an opaque cursor
// (base64url of the key as JSON) so clients cannot depend on its form and we can change it.
export type CursorKey = readonly (string | number)[];
// What each part of a key must be, checked before it reaches SQL (a bad cast there would be a 500):
// 'instant' is PostgreSQL's text of a timestamptz (microseconds kept), 'date' a calendar day.
export type CursorPart = 'string' | 'number' | 'uuid' | 'instant' | 'date';
export type CursorShape = readonly CursorPart[];

export interface PageRequest {
  limit: number;
  after?: string;
}

export interface Page<T> {
  items: T[];
  // The cursor to pass as `after` for the next page; null on the last page.
  next: string | null;
}

export const encodeCursor = (key: CursorKey): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export const invalidCursor = () =>
  new DomainError('bad_request', 'REQUEST.INVALID_CURSOR', 'after is not a cursor of this list', [
    { field: 'after', message: 'must be the cursor of a previous page of this list (Link rel="next")' },
  ]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const INSTANT = /^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

const isDay = (text: string) => {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
};

const fits = (part: unknown, kind: CursorPart): boolean => {
  if (kind === 'number') return typeof part === 'number' && Number.isSafeInteger(part);
  if (typeof part !== 'string' || part.length > 500 || part.includes('\u0000')) return false;
  switch (kind) {
    case 'string':
      return true;
    case 'uuid':
      return UUID.test(part);
    case 'date':
      return part.length === 10 && isDay(part);
    case 'instant':
      return INSTANT.test(part) && isDay(part);
  }
};

export function decodeCursor(raw: string, shape: CursorShape): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const valid =
    Array.isArray(key) && key.length === shape.length && key.every((part, i) => fits(part, shape[i]));
  if (!valid) throw invalidCursor();
  return key as CursorKey;
}

// The key a page request continues after, or undefined for the first page.
export const cursorOf = (page: PageRequest, shape: CursorShape): CursorKey | undefined =>
  page.after === undefined ? undefined : decodeCursor(page.after, shape);

// Rows fetched with LIMIT limit + 1: the extra row only tells that another page follows.
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => CursorKey,
  view: (row: R) => T,
): Page<T> {
  const kept = rows.slice(0, limit);
  const more = rows.length > limit && kept.length > 0;
  return { items: kept.map(view), next: more ? encodeCursor(keyOf(kept[kept.length - 1])) : null };
}
