import { DomainError } from './domain-error';

// Keyset pagination: a page ends with the sort key of its last row, handed out as an opaque cursor
// (base64url of the key as JSON) so clients cannot depend on its form and we can change it.
export type CursorKey = readonly (string | number)[];
export type CursorShape = readonly ('string' | 'number')[];

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

const invalidCursor = () =>
  new DomainError('bad_request', 'REQUEST.INVALID_CURSOR', 'after is not a cursor of this list', [
    { field: 'after', message: 'must be the cursor of a previous page of this list (Link rel="next")' },
  ]);

export function decodeCursor(raw: string, shape: CursorShape): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const fits =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part, i) => typeof part === shape[i] && (typeof part !== 'string' || part.length <= 500));
  if (!fits) throw invalidCursor();
  return key as CursorKey;
}

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
