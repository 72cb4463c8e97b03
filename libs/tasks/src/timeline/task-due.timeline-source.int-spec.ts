import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { asCityId } from '@rl/kernel';
import { dataSourceOptions, TenantDb } from '@rl/persistence';
import { TimelineWindow } from '@rl/timeline';
import { testConfig } from '../../../../test/support/test-config';
import { TaskDueTimelineSource } from './task-due.timeline-source';

// The source's SQL on the tasks table (migrated in the worker's database), rows written straight in.
describe('Task dues on the timeline (PostgreSQL)', () => {
  const config = testConfig();
  const source = new TaskDueTimelineSource();
  const city = asCityId(randomUUID());
  const other = asCityId(randomUUID());
  const organisation = randomUUID();
  const at = (day: number) => new Date(Date.UTC(2031, 0, day, 12));
  let app: DataSource;
  let db: TenantDb;

  const insert = (
    cityId: string,
    title: string,
    day: number,
    status = 'open',
    assignee: string | null = null,
  ) =>
    db.inCity(asCityId(cityId), (em) =>
      em.query(
        `INSERT INTO tasks (tenant_id, id, version, created_at, updated_at, title, status, assignee_organisation_id,
                            due, timezone, links)
         VALUES ($1, $2, 1, now(), now(), $3, $4, $5, $6, 'Europe/Brussels', '[]')`,
        [cityId, randomUUID(), title, status, assignee, at(day)],
      ),
    );
  const entries = (window: Partial<TimelineWindow>) =>
    db.inCity(city, (em) => source.entries(em, city, { limit: 100, ...window }));
  const titles = async (window: Partial<TimelineWindow>) => (await entries(window)).map((e) => e.title);

  beforeAll(async () => {
    app = await new DataSource(dataSourceOptions(config, 'app')).initialize();
    db = new TenantDb(app);
    await insert(city, 'city-wide', 3);
    await insert(city, 'for the CSO', 1, 'in_progress', organisation);
    await insert(city, 'done', 2, 'done', organisation);
    await insert(city, 'cancelled', 4, 'cancelled', organisation);
    await insert(city, 'for another organisation', 5, 'open', randomUUID());
    await insert(other, 'of another city', 2);
  });
  afterAll(() => app?.destroy());

  it("lists the city's tasks but cancelled ones by due instant, with status and organisation", async () => {
    const all = await entries({});
    expect(all.map((e) => e.title)).toEqual(['for the CSO', 'done', 'city-wide', 'for another organisation']);
    expect(all[0]).toEqual({
      kind: 'task-due',
      id: expect.any(String),
      title: 'for the CSO',
      at: at(1),
      endsAt: null,
      status: 'in_progress',
      organisationIds: [organisation],
    });
    expect(all[2].organisationIds).toEqual([]);
  });

  it("filters by organisation (keeping the city's own tasks) and by the window", async () => {
    expect(await titles({ organisationId: organisation })).toEqual(['for the CSO', 'done', 'city-wide']);
    expect(await titles({ from: at(2), to: at(5) })).toEqual(['done', 'city-wide']);
  });

  it('continues after the cursor, a page at a time', async () => {
    const [first, second] = await entries({ limit: 2 });
    const after = { at: second.at, kind: 'task-due' as const, id: second.id };
    expect(first.title).toBe('for the CSO');
    expect(await titles({ after, limit: 2 })).toEqual(['city-wide', 'for another organisation']);
    // A meeting at the same instant sorts before a task due then: the task follows it.
    expect(await titles({ after: { ...after, kind: 'meeting' }, limit: 1 })).toEqual(['done']);
  });
});
