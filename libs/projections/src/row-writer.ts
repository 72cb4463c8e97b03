import { EntityManager } from 'typeorm';
import { ERASED } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { DELETE, keyString, RowChanges, RowTableDeclaration } from './row-declaration';

const columnOf = (field: string) => `"${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`;

// The SQL of one row projection's table, built once from its declaration. Every statement names the
// city ($1) and reaches rows through unnest'ed arrays, one parameter per column, so a batch costs one
// statement whatever its size.
export class RowWriter<Row extends object> {
  private readonly fields: (keyof Row & string)[];
  private readonly select: string;
  private readonly upsert: string;
  private readonly remove: string;
  private readonly erasure?: string;

  constructor(private readonly declaration: RowTableDeclaration<Row>) {
    const { table, columns, key, version, personalText } = declaration;
    this.fields = Object.keys(columns) as (keyof Row & string)[];
    const cast = (field: keyof Row & string, at: number) => `$${at}::${columns[field]}[]`;
    // Dates read as text: the driver would turn them into midnight in the process's time zone.
    const read = (field: keyof Row & string) =>
      columns[field] === 'date'
        ? `to_char(${columnOf(field)}, 'YYYY-MM-DD') AS "${field}"`
        : `${columnOf(field)} AS "${field}"`;
    const keyColumns = key.map(columnOf).join(', ');
    const byKey =
      key.length === 1
        ? `${keyColumns} = ANY(${cast(key[0], 2)})`
        : `(${keyColumns}) IN (SELECT * FROM unnest(${key.map((f, i) => cast(f, i + 2)).join(', ')}))`;
    this.select = `SELECT ${this.fields.map(read).join(', ')} FROM "${table}" WHERE tenant_id = $1 AND ${byKey}`;
    this.remove = `DELETE FROM "${table}" WHERE tenant_id = $1 AND ${byKey}`;
    const updated = this.fields.filter((field) => !key.includes(field)).map(columnOf);
    this.upsert =
      `INSERT INTO "${table}" AS t (tenant_id, ${this.fields.map(columnOf).join(', ')})
       SELECT $1, * FROM unnest(${this.fields.map((f, i) => cast(f, i + 2)).join(', ')})
       ON CONFLICT (tenant_id, ${keyColumns}) DO UPDATE
         SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}` +
      (version ? ` WHERE t.${columnOf(version)} < EXCLUDED.${columnOf(version)}` : '');
    if (personalText) {
      const blank = personalText.map(({ text, owner, unless }) => {
        const when = `${columnOf(owner)} = $2 AND ${columnOf(text)} IS NOT NULL${unless ? ` AND NOT ${columnOf(unless)}` : ''}`;
        return `${columnOf(text)} = CASE WHEN ${when} THEN $3 ELSE ${columnOf(text)} END`;
      });
      const owners = [...new Set(personalText.map(({ owner }) => `${columnOf(owner)} = $2`))];
      this.erasure = `UPDATE "${table}" SET ${blank.join(', ')} WHERE tenant_id = $1 AND (${owners.join(' OR ')})`;
    }
  }

  // The stored rows of these keys, by key.
  async load(
    em: EntityManager,
    cityId: CityId,
    keys: readonly (readonly string[])[],
  ): Promise<Map<string, Row>> {
    const rows = await em.query<Row[]>(this.select, [cityId, ...this.keyParameters(keys)]);
    return new Map(rows.map((row) => [keyString(this.declaration.key.map((field) => row[field])), row]));
  }

  // One upsert of the rows that changed and one delete of the rows that went.
  async write(em: EntityManager, cityId: CityId, changes: RowChanges<Row>): Promise<void> {
    const written: Row[] = [];
    const deleted: (readonly string[])[] = [];
    for (const { key, row } of changes.values()) {
      if (row === DELETE) deleted.push(key);
      else written.push(row);
    }
    if (written.length > 0) {
      const { columns } = this.declaration;
      const parameter = (field: keyof Row & string) =>
        written.map((row) => (columns[field] === 'jsonb' ? json(row[field]) : row[field]));
      await em.query(this.upsert, [cityId, ...this.fields.map(parameter)]);
    }
    if (deleted.length > 0) await em.query(this.remove, [cityId, ...this.keyParameters(deleted)]);
  }

  // Blanks what the person wrote, wherever they own it.
  async erase(em: EntityManager, cityId: CityId, subjectId: string): Promise<void> {
    if (this.erasure) await em.query(this.erasure, [cityId, subjectId, ERASED]);
  }

  // One array per key column.
  private keyParameters(keys: readonly (readonly string[])[]): string[][] {
    return this.declaration.key.map((_, i) => keys.map((key) => key[i]));
  }
}

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);
