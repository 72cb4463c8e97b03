import { TenantDb } from '@rl/persistence';
import { asCityId } from '@rl/kernel';
import {
  ApiHarness,
  CityClient,
  cityWithPeople,
  CityWithPeople,
  eventually,
  expectProblem,
  fixtures,
  Session,
  sleep,
  suiteQueues,
  TestCity,
} from '../support';

interface Task {
  id: string;
  title: string;
  status: string;
  assigneeOrganisationId: string | null;
  assigneeUserId: string | null;
  due: string;
  links: { kind: string; id: string }[];
  version: number;
}

interface Notice {
  kind: string;
  data: Record<string, unknown>;
}

describe('Tasks', () => {
  let api: ApiHarness;
  let ghent: CityWithPeople;
  let otherCollector: Session;
  let padua: TestCity;
  let paduaCoordinator: Session;
  let coordinator: CityClient;

  beforeAll(async () => {
    const started = await ApiHarness.startWithOperator({
      REMINDER_SWEEP_SECONDS: '2',
      ...suiteQueues('tasks'),
    });
    api = started.api;
    ghent = await cityWithPeople(api, started.operator, 'Ghent');
    coordinator = ghent.as(ghent.coordinator);
    const elsewhere = await fixtures.organisation(coordinator);
    otherCollector = await api.member(started.operator, ghent.city, 'collector', {
      organisationId: elsewhere,
    });
    padua = await api.city(started.operator, 'Padua');
    paduaCoordinator = await api.member(started.operator, padua, 'coordinator');
  });
  afterAll(() => api.close());

  const create = (client: CityClient, body: object) => client.post('tasks').send(body);
  const read = async (id: string, position: number, session = ghent.observer): Promise<Task> =>
    (await ghent.as(session).get(`tasks/${id}?minPosition=${position}`).expect(200)).body as Task;
  const inbox = async (session: Session): Promise<Notice[]> =>
    (await api.http.get('/v1/me/notifications').auth(session.accessToken, { type: 'bearer' }).expect(200))
      .body as Notice[];

  it("lets coordinators and officials create tasks, a date alone due at the end of that day in the city's zone", async () => {
    const periodId = await fixtures.period(coordinator, '2031');
    const created = await create(coordinator, {
      title: 'Collect the shelter counts',
      assigneeOrganisationId: ghent.organisationId,
      due: '2031-03-31',
      links: [{ kind: 'period', id: periodId }],
    }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const task = await read(created.body.id, created.body.position);
    expect(task).toMatchObject({
      status: 'open',
      due: '2031-03-31T21:59:59.000Z',
      assigneeOrganisationId: ghent.organisationId,
      links: [{ kind: 'period', id: periodId }],
      version: 1,
    });

    const byOfficial = await create(ghent.as(ghent.official), {
      title: 'Review the draft report',
      assigneeUserId: ghent.researcher.user.id,
      due: '2031-04-15T12:00:00Z',
    }).expect(201);
    expect(byOfficial.body.version).toBe(1);

    for (const session of [ghent.collector, ghent.researcher, ghent.observer])
      expectProblem(
        await create(ghent.as(session), { title: 'x', due: '2031-01-01' }),
        403,
        'AUTH.ROLE_NOT_ALLOWED',
      );
  });

  it('lets a collector of the assignee organisation move the status, and no one else who is not an editor', async () => {
    const { body } = await create(coordinator, {
      title: 'Check the dataset licence',
      assigneeOrganisationId: ghent.organisationId,
      due: '2031-05-01',
    }).expect(201);
    const collector = ghent.as(ghent.collector);
    expectProblem(
      await ghent.as(otherCollector).patch(`tasks/${body.id}`).set('If-Match', '1').send({ status: 'done' }),
      403,
      'TASK.NOT_ALLOWED',
    );
    expectProblem(
      await ghent.as(ghent.observer).patch(`tasks/${body.id}`).set('If-Match', '1').send({ status: 'done' }),
      403,
      'AUTH.ROLE_NOT_ALLOWED',
    );
    expectProblem(
      await collector.patch(`tasks/${body.id}`).set('If-Match', '1').send({ title: 'Mine' }),
      403,
      'TASK.STATUS_ONLY',
    );
    const started = await collector
      .patch(`tasks/${body.id}`)
      .set('If-Match', '1')
      .send({ status: 'in_progress' });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ version: 2, position: expect.any(Number) });
    expectProblem(
      await collector.patch(`tasks/${body.id}`).set('If-Match', '1').send({ status: 'done' }),
      409,
      'TASK.VERSION_CONFLICT',
    );
    const done = await collector
      .patch(`tasks/${body.id}`)
      .set('If-Match', '2')
      .send({ status: 'done' })
      .expect(200);
    expect((await read(body.id, done.body.position)).status).toBe('done');

    const history = await ghent.as(ghent.observer).get(`tasks/${body.id}/history`).expect(200);
    expect(history.body.map((c: { type: string; actor: { id: string } }) => [c.type, c.actor.id])).toEqual([
      ['TaskCreated', ghent.coordinator.user.id],
      ['TaskStatusChanged', ghent.collector.user.id],
      ['TaskStatusChanged', ghent.collector.user.id],
    ]);
    // The log keeps microseconds: a millisecond after the creation is after it.
    const [createdAt] = history.body.map((c: { recordedAt: string }) => Date.parse(c.recordedAt) + 1);
    const asOf = new Date(createdAt).toISOString();
    const past = await ghent.as(ghent.observer).get(`tasks/${body.id}?asOf=${asOf}`).expect(200);
    expect(past.body).toMatchObject({ status: 'open', version: 1 });
  });

  it('refuses links to nothing of the city and unknown assignees with 422 naming the field', async () => {
    const stranger = '0192f0aa-0000-7000-8000-00000000dead';
    const fields = async (body: object, status = 422) =>
      expectProblem(await create(coordinator, { title: 'T', due: '2031-01-01', ...body }), status).errors.map(
        (e) => e.field,
      );
    const indicator = await fixtures.indicator(coordinator);
    expect(
      await fields({
        links: [
          { kind: 'indicator', id: indicator.id },
          { kind: 'term', id: stranger },
          { kind: 'meeting-decision', id: stranger },
        ],
      }),
    ).toEqual(['links[1].id']);
    expect(await fields({ assigneeOrganisationId: stranger })).toEqual(['assigneeOrganisationId']);
    expect(await fields({ assigneeUserId: paduaCoordinator.user.id })).toEqual(['assigneeUserId']);
    expect(await fields({ due: '31/03/2031' })).toEqual(['due']);
    expect(await fields({ links: [{ kind: 'resource', id: stranger }] }, 400)).toEqual(['links.0.kind']);
    expect(await fields({ title: 'x'.repeat(201) }, 400)).toEqual(['title']);
  });

  it("shows another city's task as not found, and pages the list with filters", async () => {
    const { body } = await create(coordinator, { title: 'Only Ghent', due: '2031-06-01' }).expect(201);
    const paduaClient = { get: (p: string) => api.http.get(`/v1/cities/${padua.slug}/${p}`) };
    expectProblem(
      await paduaClient.get(`tasks/${body.id}`).auth(paduaCoordinator.accessToken, { type: 'bearer' }),
      404,
      'TASK.NOT_FOUND',
    );
    expectProblem(
      await api.http
        .patch(`/v1/cities/${padua.slug}/tasks/${body.id}`)
        .auth(paduaCoordinator.accessToken, { type: 'bearer' })
        .set('If-Match', '1')
        .send({ status: 'cancelled' }),
      404,
      'TASK.NOT_FOUND',
    );

    const observer = ghent.as(ghent.observer);
    const first = await observer.get(`tasks?limit=2&minPosition=${body.position}`).expect(200);
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link)?.[1] as string;
    const second = await api.http.get(next).auth(ghent.observer.accessToken, { type: 'bearer' }).expect(200);
    const dues = [...first.body, ...second.body].map((t: Task) => t.due);
    expect(dues).toEqual([...dues].sort());
    expect(second.body.map((t: Task) => t.id)).not.toContain(first.body[0].id);

    const mine = await observer
      .get(
        `tasks?assigneeOrganisationId=${ghent.organisationId}&status=open&from=2031-01-01T00:00:00Z&to=2031-04-01T00:00:00Z`,
      )
      .expect(200);
    expect(mine.body.map((t: Task) => t.title)).toEqual(['Collect the shelter counts']);
  });

  it("reminds the assignee organisation's collector once of a task due in 2 minutes, and not of a done task", async () => {
    await coordinator
      .put('reminder-policy')
      .send({ offsets: [{ offset: '-PT5M' }, { offset: 'P1D', escalate: true }], quietHours: null })
      .expect(200);
    const soon = new Date(Date.now() + 2 * 60_000).toISOString();
    await create(coordinator, {
      title: 'Due in two minutes',
      assigneeOrganisationId: ghent.organisationId,
      due: soon,
    }).expect(201);
    const later = new Date(Date.now() + 60 * 60_000).toISOString();
    const done = await create(coordinator, {
      title: 'Done before its reminder',
      assigneeOrganisationId: ghent.organisationId,
      due: later,
    }).expect(201);
    await ghent
      .as(ghent.collector)
      .patch(`tasks/${done.body.id}`)
      .set('If-Match', '1')
      .send({ status: 'done' })
      .expect(200);

    const about = (title: string) => async () =>
      (await inbox(ghent.collector)).filter((n) => n.data.taskTitle === title);
    const notices = await eventually('the task reminder', async () => {
      const found = await about('Due in two minutes')();
      return found.length > 0 ? found : undefined;
    });
    expect(notices).toEqual([expect.objectContaining({ kind: 'task.due' })]);

    // The deadline engine saw the task done, and keeps no reminder pending for it (its one reminder, due in
    // 55 minutes, was cancelled, or never created when both events came in one batch).
    const inCity = <T>(sql: string) =>
      api.app.get(TenantDb).inCity(asCityId(ghent.city.id), (em) => em.query<T[]>(sql, [done.body.id]));
    await eventually('the deadline engine to see the task done', async () => {
      const [task] = await inCity<{ status: string }>(`SELECT status FROM reminder_tasks WHERE task_id = $1`);
      return task?.status === 'done' ? task : undefined;
    });
    const reminders = await inCity<{ status: string; outcome: string }>(
      `SELECT status, outcome FROM reminders WHERE task_id = $1`,
    );
    expect(reminders.filter((r) => r.status !== 'cancelled' || r.outcome !== 'done')).toEqual([]);

    await sleep(3_000);
    expect(await about('Due in two minutes')()).toHaveLength(1);
    expect(await about('Done before its reminder')()).toEqual([]);
    expect((await inbox(ghent.coordinator)).filter((n) => n.kind.startsWith('task.'))).toEqual([]);
  });

  it('keeps tasks and the reminder engine’s view of them equal to a replay of the log', async () => {
    interface Table {
      table: string;
      liveRows: number;
      missing: number;
      extra: number;
      changed: number;
    }
    const res = await coordinator.get('audit/verify?readModels=true').expect(200);
    const tables = (res.body.readModels.projections as { tables: Table[] }[]).flatMap((p) => p.tables);
    for (const name of ['tasks', 'reminder_tasks']) {
      const table = tables.find((t) => t.table === name);
      expect(table).toMatchObject({ missing: 0, extra: 0, changed: 0 });
      expect(table?.liveRows).toBeGreaterThan(0);
    }
    expect(res.body.readModels.ok).toBe(true);
  });
});
