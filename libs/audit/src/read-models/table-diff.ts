import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { DifferenceKind, RowDifferenceView, TableCheckView } from './read-models.view';

export const DIFFERENCES_PER_KIND = 20;
const VALUE_LENGTH = 200;

interface Shape {
  key: string[];
  columns: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const cut = (value: string | null) =>
  value !== null && value.length > VALUE_LENGTH ? `${value.slice(0, VALUE_LENGTH)}…` : value;

// The primary key and the columns of a live table, from the catalog.
async function shapeOf(em: EntityManager, table: string): Promise<Shape> {
  const rows = await em.query<{ name: string; in_key: boolean }[]>(
    `SELECT a.attname AS name, coalesce(a.attnum = ANY (i.indkey::int2[]), false) AS in_key
       FROM pg_attribute a
       LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
      WHERE a.attrelid = format('public.%I', $1::text)::regclass AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY coalesce(array_position(i.indkey::int2[], a.attnum), 1000 + a.attnum)`,
    [table],
  );
  if (!rows.some((r) => r.name === 'tenant_id')) throw new Error(`${table} has no tenant_id column`);
  const key = rows.filter((r) => r.in_key).map((r) => r.name);
  // Without a primary key the whole row is its identity: a difference is then missing plus extra.
  return { key: key.length > 0 ? key : rows.map((r) => r.name), columns: rows.map((r) => r.name) };
}

// Compares the city's rows of public.<table> (live) with pg_temp.<table> (the replay), in SQL: the rows
// of each side that the other lacks (EXCEPT ALL both ways, every value as text, so json and floats
// compare by their text form), paired by primary key into missing, extra and changed rows.
export async function diffTable(
  em: EntityManager,
  cityId: CityId,
  table: string,
  volatile: readonly string[],
): Promise<TableCheckView> {
  const shape = await shapeOf(em, table);
  const compared = shape.columns.filter((c) => shape.key.includes(c) || !volatile.includes(c));
  const select = (schema: string) =>
    `SELECT ${compared.map((c) => `${quote(c)}::text AS ${quote(c)}`).join(', ')}
       FROM ${schema}.${quote(table)} WHERE tenant_id = $1`;
  const joinOn = shape.key.map((c) => `l.${quote(c)} = g.${quote(c)}`).join(' AND ');
  const probe = quote(shape.key[0]);
  const rows = await em.query<
    {
      kind: DifferenceKind;
      live: Record<string, string | null> | null;
      log: Record<string, string | null> | null;
      total: string;
    }[]
  >(
    `WITH l AS (${select('public')} EXCEPT ALL ${select('pg_temp')}),
          g AS (${select('pg_temp')} EXCEPT ALL ${select('public')}),
          d AS (SELECT CASE WHEN l.${probe} IS NULL THEN 'missing' WHEN g.${probe} IS NULL THEN 'extra' ELSE 'changed' END AS kind,
                       to_jsonb(l) AS live, to_jsonb(g) AS log
                  FROM l FULL JOIN g ON ${joinOn}),
          n AS (SELECT d.*, count(*) OVER (PARTITION BY kind) AS total,
                       row_number() OVER (PARTITION BY kind ORDER BY coalesce(live, log)::text) AS rank
                  FROM d)
     SELECT kind, live, log, total FROM n WHERE rank <= $2 ORDER BY kind, rank`,
    [cityId, DIFFERENCES_PER_KIND],
  );
  const [counts] = await em.query<{ live: string; log: string }[]>(
    `SELECT (SELECT count(*) FROM public.${quote(table)} WHERE tenant_id = $1) AS live,
            (SELECT count(*) FROM pg_temp.${quote(table)} WHERE tenant_id = $1) AS log`,
    [cityId],
  );
  const totals = { missing: 0, extra: 0, changed: 0 };
  for (const row of rows) totals[row.kind] = Number(row.total);
  return {
    table,
    liveRows: Number(counts.live),
    logRows: Number(counts.log),
    ...totals,
    differences: rows.map(({ kind, live, log }): RowDifferenceView => {
      const some = (live ?? log) as Record<string, string | null>;
      return {
        kind,
        key: Object.fromEntries(shape.key.filter((c) => c !== 'tenant_id').map((c) => [c, String(some[c])])),
        columns:
          kind === 'changed' && live && log
            ? compared
                .filter((c) => live[c] !== log[c])
                .map((column) => ({ column, live: cut(live[column]), log: cut(log[column]) }))
            : [],
      };
    }),
  };
}
