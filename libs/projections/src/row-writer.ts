import { EntityManager } from 'typeorm';
import { ERASED } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { DELETE, keyString, PersonalText, RowChanges, RowTableDeclaration } from './row-declaration';

const columnOf = (field: string) => `"${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`;

type Field<Row> = keyof Row & string;

// The SQL of one row projection's table, from its declaration. Every statement names the city ($1)
// and reaches rows through unnest'ed arrays, one parameter per column from $2 on, so a batch costs one
// statement whatever its size.
function statementsOf<Row extends object>({
  table,
  columns,
  key,
  version,
  personalText,
}: RowTableDeclaration<Row>) {
  const fields = Object.keys(columns) as Field<Row>[];
  assertIdentifiers(table, fields, columns);
  const arrays = (of: readonly Field<Row>[]) => of.map((field, i) => `$${i + 2}::${columns[field]}[]`);
  // Dates read as text: the driver would turn them into midnight in the process's time zone.
  const read = (field: Field<Row>) =>
    columns[field] === 'date'
      ? `to_char(${columnOf(field)}, 'YYYY-MM-DD') AS "${field}"`
      : `${columnOf(field)} AS "${field}"`;
  const keyColumns = key.map(columnOf).join(', ');
  const byKey =
    key.length === 1
      ? `${keyColumns} = ANY(${arrays(key)[0]})`
      : `(${keyColumns}) IN (SELECT * FROM unnest(${arrays(key).join(', ')}))`;
  const updated = fields.filter((field) => !key.includes(field)).map(columnOf);
  const guard = version ? ` WHERE t.${columnOf(version)} < EXCLUDED.${columnOf(version)}` : '';
  // A table of key columns alone has nothing to update.
  const onConflict =
    updated.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}${guard}`;
  return {
    fields,
    select: `SELECT ${fields.map(read).join(', ')} FROM "${table}" WHERE tenant_id = $1 AND ${byKey}`,
    upsert: `INSERT INTO "${table}" AS t (tenant_id, ${fields.map(columnOf).join(', ')})
      SELECT $1, * FROM unnest(${arrays(fields).join(', ')})
      ON CONFLICT (tenant_id, ${keyColumns}) ${onConflict}`,
    remove: `DELETE FROM "${table}" WHERE tenant_id = $1 AND ${byKey}`,
    erasure: personalText && erasureOf(table, personalText),
  };
}

// Names go into SQL unquoted-safe only: a typo or a schema-qualified table fails at start-up, not at the
// first event (and a qualified table would escape the read-model verifier's scratch copies).
function assertIdentifiers(table: string, fields: readonly string[], columns: Record<string, string>): void {
  const bad = [table, ...fields.map(columnOf)].filter((name) => !/^"?[a-z_][a-z0-9_]*"?$/.test(name));
  bad.push(...Object.values(columns).filter((type) => !/^[a-z_][a-z0-9_ ]*$/.test(type)));
  if (bad.length > 0) throw new Error(`Row projection of ${table}: not a plain SQL name: ${bad.join(', ')}`);
}

// Blanks ($3) the texts the person ($2) owns.
function erasureOf<Row>(table: string, texts: readonly PersonalText<Row>[]): string {
  const blank = texts.map(({ text, owner, unless }) => {
    const when = [`${columnOf(owner)} = $2`, `${columnOf(text)} IS NOT NULL`];
    if (unless) when.push(`NOT ${columnOf(unless)}`);
    return `${columnOf(text)} = CASE WHEN ${when.join(' AND ')} THEN $3 ELSE ${columnOf(text)} END`;
  });
  const owners = [...new Set(texts.map(({ owner }) => `${columnOf(owner)} = $2`))];
  return `UPDATE "${table}" SET ${blank.join(', ')} WHERE tenant_id = $1 AND (${owners.join(' OR ')})`;
}

// Reads and writes one row projection's table.
export class RowWriter<Row extends object> {
  private readonly sql: ReturnType<typeof statementsOf<Row>>;

  constructor(private readonly declaration: RowTableDeclaration<Row>) {
    this.sql = statementsOf(declaration);
  }

  // The stored rows of these keys, by key.
  async load(
    em: EntityManager,
    cityId: CityId,
    keys: readonly (readonly string[])[],
  ): Promise<Map<string, Row>> {
    const rows = await em.query<Row[]>(this.sql.select, [cityId, ...this.keyParameters(keys)]);
    return new Map(rows.map((row) => [keyString(this.declaration.key.map((field) => row[field])), row]));
  }

  // One delete of the rows that went and one upsert of the rows that changed.
  async write(em: EntityManager, cityId: CityId, changes: RowChanges<Row>): Promise<void> {
    const written: Row[] = [];
    const deleted: (readonly string[])[] = [];
    for (const { key, row, replaced } of changes.values()) {
      // A row deleted and created again in one batch: the old one goes first, whatever its version.
      if (row === DELETE || replaced) deleted.push(key);
      if (row !== DELETE) written.push(row);
    }
    if (deleted.length > 0) await em.query(this.sql.remove, [cityId, ...this.keyParameters(deleted)]);
    if (written.length > 0) {
      const { columns } = this.declaration;
      const parameter = (field: Field<Row>) =>
        written.map((row) => (/^jsonb?$/.test(columns[field]) ? json(row[field]) : row[field]));
      await em.query(this.sql.upsert, [cityId, ...this.sql.fields.map(parameter)]);
    }
  }

  // Blanks what the person wrote, wherever they own it.
  async erase(em: EntityManager, cityId: CityId, subjectId: string): Promise<void> {
    if (this.sql.erasure) await em.query(this.sql.erasure, [cityId, subjectId, ERASED]);
  }

  // One array per key column.
  private keyParameters(keys: readonly (readonly string[])[]): string[][] {
    return this.declaration.key.map((_, i) => keys.map((key) => key[i]));
  }
}

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);
