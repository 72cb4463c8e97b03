import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ERASED, PERSON_DATA_ERASED, PersonDataErasedData, RecordedEvent } from '@rl/event-store';
import { asCityId, CityId } from '@rl/kernel';
import { dataSourceOptions, enableTenantIsolation, TenantDb } from '@rl/persistence';
import { testConfig } from '../../../test/support/test-config';
import { Projection } from './projection';
import { DELETE, RowProjectionDeclaration } from './row-declaration';
import { RowProjection } from './row-projection';
import { recorded } from './testing';

// Two throwaway read models in the worker's database, shaped like every tenant table (tenant_id first in
// the key, row-level security forced): items keyed by id, and list entries keyed by (list, item).
const ITEMS = 'row_writer_items';
const ENTRIES = 'row_writer_entries';

type ItemEvent =
  | { type: 'ItemAdded'; data: { itemId: string; label: string; tags: string[]; day: string; note?: string } }
  | { type: 'ItemRelabelled'; data: { itemId: string; label: string } }
  | { type: 'ItemRemoved'; data: { itemId: string } };

interface ItemRow {
  id: string;
  label: string;
  tags: string[];
  day: string;
  note: string | null;
  author: string | null;
  version: number;
  updatedAt: Date;
}

const items: RowProjectionDeclaration<ItemRow, ItemEvent> = {
  name: 'row-writer-items',
  table: ITEMS,
  handles: ['ItemAdded', 'ItemRelabelled', 'ItemRemoved'],
  columns: {
    id: 'uuid',
    label: 'text',
    tags: 'jsonb',
    day: 'date',
    note: 'text',
    author: 'uuid',
    version: 'int',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.itemId],
  version: 'version',
  personalText: [{ text: 'note', owner: 'author' }],
  evolve: (row, event) => {
    const stamp = { version: event.version, updatedAt: event.recordedAt };
    switch (event.type) {
      case 'ItemAdded': {
        const { itemId, note, ...rest } = event.data;
        const author = event.metadata.actorId ?? null;
        return { id: itemId, ...rest, note: note ?? null, author, ...stamp };
      }
      case 'ItemRelabelled':
        return row && { ...row, label: event.data.label, ...stamp };
      case 'ItemRemoved':
        return row && DELETE;
    }
  },
};

type EntryEvent = { type: 'EntryCounted'; data: { listId: string; itemId: string } };
interface EntryRow {
  listId: string;
  itemId: string;
  count: number;
}

// Unversioned (evolve counts every event it gets): shows composite keys and what the version guard saves.
const entries: RowProjectionDeclaration<EntryRow, EntryEvent> = {
  name: 'row-writer-entries',
  table: ENTRIES,
  handles: ['EntryCounted'],
  columns: { listId: 'uuid', itemId: 'uuid', count: 'int' },
  key: ['listId', 'itemId'],
  keyOf: ({ data }) => [data.listId, data.itemId],
  evolve: (row, { data }) => ({ ...data, count: (row?.count ?? 0) + 1 }),
};

describe('Row projection writer on PostgreSQL', () => {
  const config = testConfig();
  let owner: DataSource;
  let app: DataSource;
  let db: TenantDb;
  const itemProjection = new RowProjection(items);
  const entryProjection = new RowProjection(entries);

  beforeAll(async () => {
    // Created by the owner, as migrations create tables: the application role gets its default rights.
    owner = await new DataSource(dataSourceOptions(config, 'owner')).initialize();
    const ddl = owner.createQueryRunner();
    await ddl.query(`DROP TABLE IF EXISTS ${ITEMS}, ${ENTRIES}`);
    await ddl.query(
      `CREATE TABLE ${ITEMS} (tenant_id uuid NOT NULL, id uuid NOT NULL, label text NOT NULL, tags jsonb NOT NULL,
         day date NOT NULL, note text, author uuid, version int NOT NULL, updated_at timestamptz NOT NULL,
         PRIMARY KEY (tenant_id, id))`,
    );
    await ddl.query(
      `CREATE TABLE ${ENTRIES} (tenant_id uuid NOT NULL, list_id uuid NOT NULL, item_id uuid NOT NULL,
         count int NOT NULL, PRIMARY KEY (tenant_id, list_id, item_id))`,
    );
    for (const table of [ITEMS, ENTRIES]) await enableTenantIsolation(ddl, table);
    await ddl.release();
    app = await new DataSource(dataSourceOptions(config, 'app')).initialize();
    db = new TenantDb(app);
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.query(`DROP TABLE IF EXISTS ${ITEMS}, ${ENTRIES}`);
    await owner?.destroy();
  });

  // Applies one batch in the city's transaction; returns the statements it ran.
  const apply = async (
    projection: Projection,
    cityId: CityId,
    events: readonly RecordedEvent[],
  ): Promise<string[]> =>
    db.inCity(cityId, async (em) => {
      const query = jest.spyOn(em, 'query');
      await projection.apply(em, cityId, events);
      return query.mock.calls.map(([sql]) => sql.trim().split(/\s/)[0]);
    });

  const rowsOf = async (cityId: CityId) =>
    db.inCity(cityId, (em) =>
      em.query<ItemRow[]>(
        `SELECT id, label, tags, to_char(day, 'YYYY-MM-DD') AS day, note, author, version, updated_at AS "updatedAt"
           FROM ${ITEMS} ORDER BY label, id`,
      ),
    );

  const city = () => asCityId(randomUUID());
  const added = (itemId: string, label: string, version = 1, actorId?: string) =>
    recorded<ItemEvent>(
      { type: 'ItemAdded', data: { itemId, label, tags: ['a', 'b'], day: '2026-02-28', note: 'mine' } },
      { version, metadata: { actorId } },
    );
  const relabelled = (itemId: string, label: string, version: number) =>
    recorded<ItemEvent>({ type: 'ItemRelabelled', data: { itemId, label } }, { version });
  const removed = (itemId: string, version: number) =>
    recorded<ItemEvent>({ type: 'ItemRemoved', data: { itemId } }, { version });

  it('inserts a row with its columns cast as declared, then updates it', async () => {
    const cityId = city();
    const id = randomUUID();
    const add = added(id, 'first');
    await apply(itemProjection, cityId, [add]);
    expect(await rowsOf(cityId)).toEqual([
      {
        id,
        label: 'first',
        tags: ['a', 'b'],
        day: '2026-02-28',
        note: 'mine',
        author: null,
        version: 1,
        updatedAt: add.recordedAt,
      },
    ]);

    const relabel = relabelled(id, 'second', 2);
    await apply(itemProjection, cityId, [relabel]);
    expect(await rowsOf(cityId)).toEqual([
      expect.objectContaining({
        id,
        label: 'second',
        day: '2026-02-28',
        version: 2,
        updatedAt: relabel.recordedAt,
      }),
    ]);
  });

  it('skips events a row already reflects, alone or inside a later batch', async () => {
    const cityId = city();
    const id = randomUUID();
    await apply(itemProjection, cityId, [
      added(id, 'one'),
      relabelled(id, 'two', 2),
      relabelled(id, 'three', 3),
    ]);
    const statements = await apply(itemProjection, cityId, [relabelled(id, 'two', 2), added(id, 'one')]);
    expect(statements).toEqual(['SELECT']);
    await apply(itemProjection, cityId, [relabelled(id, 'two', 2), relabelled(id, 'four', 4)]);
    expect(await rowsOf(cityId)).toEqual([expect.objectContaining({ label: 'four', version: 4 })]);
  });

  it('deletes rows in one statement, also one created and removed in the same batch', async () => {
    const cityId = city();
    const [kept, gone, brief] = [randomUUID(), randomUUID(), randomUUID()];
    await apply(itemProjection, cityId, [added(kept, 'kept'), added(gone, 'gone')]);
    const statements = await apply(itemProjection, cityId, [
      removed(gone, 2),
      added(brief, 'brief'),
      removed(brief, 2),
      relabelled(kept, 'still kept', 2),
    ]);
    expect(statements).toEqual(['SELECT', 'DELETE', 'INSERT']);
    expect(await rowsOf(cityId)).toEqual([expect.objectContaining({ id: kept, label: 'still kept' })]);
  });

  it('replaces a row deleted and created again in one batch, even at a lower version', async () => {
    const cityId = city();
    const id = randomUUID();
    await apply(itemProjection, cityId, [added(id, 'old'), relabelled(id, 'old v2', 2)]);
    await apply(itemProjection, cityId, [removed(id, 3), added(id, 'again', 1)]);
    expect(await rowsOf(cityId)).toEqual([expect.objectContaining({ id, label: 'again', version: 1 })]);
  });

  it('writes a batch touching many keys with one read and one upsert', async () => {
    const cityId = city();
    const ids = Array.from({ length: 2_000 }, () => randomUUID());
    const batch = ids.flatMap((id, i) => [added(id, `item ${i}`), relabelled(id, `item ${i} v2`, 2)]);
    expect(await apply(itemProjection, cityId, batch)).toEqual(['SELECT', 'INSERT']);
    const rows = await rowsOf(cityId);
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((row) => row.version === 2 && row.label.endsWith(' v2'))).toBe(true);
  });

  it('keeps each city to its own rows, for the same keys', async () => {
    const [ghent, leuven] = [city(), city()];
    const id = randomUUID();
    await apply(itemProjection, ghent, [added(id, 'ghent')]);
    await apply(itemProjection, leuven, [
      added(id, 'leuven'),
      relabelled(id, 'leuven v2', 2),
      relabelled(id, 'leuven v3', 3),
    ]);
    // Ghent's row is at version 1: version 2 applies to it, whatever Leuven's row says.
    await apply(itemProjection, ghent, [relabelled(id, 'ghent v2', 2)]);
    await apply(itemProjection, leuven, [removed(id, 4)]);
    expect(await rowsOf(ghent)).toEqual([expect.objectContaining({ id, label: 'ghent v2', version: 2 })]);
    expect(await rowsOf(leuven)).toEqual([]);
  });

  it("blanks an erased person's text where they own it, and keeps text written after the erasure", async () => {
    const cityId = city();
    const [person, other] = [randomUUID(), randomUUID()];
    const [theirs, notTheirs, later] = [randomUUID(), randomUUID(), randomUUID()];
    const erased = recorded<{ type: typeof PERSON_DATA_ERASED; data: PersonDataErasedData }>({
      type: PERSON_DATA_ERASED,
      data: { subjectId: person, keyIds: [] },
    });
    expect(itemProjection.handles).toContain(PERSON_DATA_ERASED);
    await apply(itemProjection, cityId, [
      added(theirs, 'a', 1, person),
      added(notTheirs, 'b', 1, other),
      erased,
      added(later, 'c', 1, person),
    ]);
    expect((await rowsOf(cityId)).map((row) => row.note)).toEqual([ERASED, 'mine', 'mine']);
  });

  it('reads and writes rows by a key of several columns', async () => {
    const cityId = city();
    const [list, a, b] = [randomUUID(), randomUUID(), randomUUID()];
    const counted = (itemId: string) =>
      recorded<EntryEvent>({ type: 'EntryCounted', data: { listId: list, itemId } });
    await apply(entryProjection, cityId, [counted(a), counted(b), counted(a)]);
    await apply(entryProjection, cityId, [counted(a)]);
    const rows = await db.inCity(cityId, (em) =>
      em.query<EntryRow[]>(`SELECT item_id AS "itemId", count FROM ${ENTRIES} WHERE list_id = $1`, [list]),
    );
    expect(new Map(rows.map((row) => [row.itemId, row.count]))).toEqual(
      new Map([
        [a, 3],
        [b, 1],
      ]),
    );
  });
});
