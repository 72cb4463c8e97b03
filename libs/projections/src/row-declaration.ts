import { RecordedEvent } from '@rl/event-store';
import { DomainEvent } from '@rl/kernel';
import { ReplayNotes } from './projection';

// What evolve returns to remove the row.
export const DELETE = Symbol('delete row');
export type Evolved<Row> = Row | typeof DELETE | undefined;

type FieldOf<Row, T> = { [F in keyof Row]-?: Row[F] extends T ? F : never }[keyof Row] & string;

// A read model of one row per key, declared as data plus a pure evolve; the writer (row-writer.ts) does
// the SQL. The table's primary key is tenant_id then the key columns; each column is named as its row
// field in snake_case.
export interface RowProjectionDeclaration<Row extends object, E extends DomainEvent> {
  readonly name: string;
  readonly table: string;
  readonly handles: readonly E['type'][];
  // Every row field with the SQL type of its column (a cast in the batched upsert: uuid, text, int,
  // bool, jsonb, date, timestamptz, or an enum type's name).
  readonly columns: { readonly [F in keyof Row]-?: string };
  // The fields after tenant_id in the primary key, and their values for the row an event touches.
  readonly key: readonly (keyof Row & string)[];
  readonly keyOf: (event: RecordedEvent<E>) => readonly string[];
  // The next row, DELETE, or undefined when the event changes nothing. Pure.
  readonly evolve: (row: Row | undefined, event: RecordedEvent<E>) => Evolved<Row>;
  // The field holding the version of the one stream the row follows: an event at or below it (a
  // replay) is skipped, and the upsert never moves a row back. Left out where evolve recognises
  // replays itself (a row fed by several streams).
  readonly version?: FieldOf<Row, number>;
  // Text a person wrote, blanked in every row they own when they are erased (PersonDataErased), unless
  // the row's `unless` flag is set (the text is already gone).
  readonly personalText?: readonly PersonalText<Row>[];
  readonly replay?: ReplayNotes;
}

export interface PersonalText<Row> {
  readonly text: FieldOf<Row, string | null>;
  readonly owner: FieldOf<Row, string | null>;
  readonly unless?: FieldOf<Row, boolean>;
}

// The fields of a declaration that shape its table (the writer's part).
export type RowTableDeclaration<Row extends object> = Pick<
  RowProjectionDeclaration<Row, DomainEvent>,
  'table' | 'columns' | 'key' | 'version' | 'personalText'
>;

// What a touched key ends as after a batch: its new row, or DELETE.
// `replaced`: the key was deleted earlier in the batch, so its stored row must go before the new one.
export type RowChanges<Row> = Map<
  string,
  { key: readonly string[]; row: Row | typeof DELETE; replaced?: boolean }
>;

// Key columns are text, uuid or int: compared as text, so a driver's number matches an event's string.
export const keyString = (values: readonly unknown[]): string => JSON.stringify(values.map(String));

// Folds a batch in memory, in order, onto the rows loaded for its keys: what each touched key ends as.
export function foldRows<Row extends object, E extends DomainEvent>(
  declaration: RowProjectionDeclaration<Row, E>,
  loaded: ReadonlyMap<string, Row>,
  events: readonly RecordedEvent<E>[],
): RowChanges<Row> {
  const rows = new Map(loaded);
  const changes: RowChanges<Row> = new Map();
  const { version } = declaration;
  for (const event of events) {
    const values = declaration.keyOf(event);
    const key = keyString(values);
    const row = rows.get(key);
    // Idempotent: an event this row already reflects (a replay) changes nothing.
    if (row && version && event.version <= Number(row[version])) continue;
    const next = declaration.evolve(row, event);
    if (next === undefined) continue;
    if (next === DELETE) rows.delete(key);
    else rows.set(key, next);
    const before = changes.get(key);
    const replaced = next !== DELETE && (before?.row === DELETE || before?.replaced === true);
    changes.set(key, { key: values, row: next, replaced });
  }
  return changes;
}
