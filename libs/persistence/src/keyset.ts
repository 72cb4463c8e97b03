import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CursorKey } from '@rl/kernel';

// Keyset pagination: the rows after a cursor's key, compared as a row value so that one index on the sort
// columns serves it. `op` is '>' for an ascending order, '<' for a descending one.

// For raw SQL: pushes the key onto `params` and returns the condition (TRUE on the first page).
export function keysetCondition(
  columns: readonly string[],
  key: CursorKey | undefined,
  params: unknown[],
  op: '>' | '<' = '>',
): string {
  if (key === undefined) return 'TRUE';
  const placeholders = key.map((part) => `$${params.push(part)}`);
  return `(${columns.join(', ')}) ${op} (${placeholders.join(', ')})`;
}

// For a query builder: adds the condition and the LIMIT of one more row than the page holds.
export function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  columns: readonly string[],
  key: CursorKey | undefined,
  limit: number,
): SelectQueryBuilder<T> {
  if (key !== undefined) {
    const names = key.map((_, i) => `keyset${i}`);
    query.andWhere(
      `(${columns.join(', ')}) > (${names.map((name) => `:${name}`).join(', ')})`,
      Object.fromEntries(key.map((part, i) => [names[i], part])),
    );
  }
  columns.forEach((column, i) => (i === 0 ? query.orderBy(column, 'ASC') : query.addOrderBy(column, 'ASC')));
  return query.limit(limit + 1);
}
