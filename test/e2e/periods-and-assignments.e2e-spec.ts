import { randomUUID } from 'node:crypto';
import { ApiHarness, cityClient, expectProblem, fixtures, Session, TestCity } from '../support';

interface CreatedPeriod {
  id: string;
  code: string;
  granularity: string;
  start: string;
  end: string;
  deadline: string;
  version: number;
  position: number;
}

describe('Periods and assignments (event-sourced reporting)', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
  });
  afterAll(() => api.close());

  const url = (resource: string, suffix = '') => `/v1/cities/${city.slug}/${resource}${suffix}`;
  const definePeriod = (code: string, deadline: string, session = coordinator) =>
    api.http.post(url('periods')).auth(session.accessToken, { type: 'bearer' }).send({ code, deadline });
  const newPeriod = async (code: string, deadline = '2030-01-31'): Promise<CreatedPeriod> =>
    (await definePeriod(code, deadline).expect(201)).body as CreatedPeriod;
  const newOrganisation = () => fixtures.organisation(cityClient(api, city, coordinator));
  const newIndicator = async () => (await fixtures.indicator(cityClient(api, city, coordinator))).id;
  const assign = (body: Record<string, unknown>, session = coordinator) =>
    api.http.post(url('assignments')).auth(session.accessToken, { type: 'bearer' }).send(body);

  it('defines periods of each granularity with a local-date deadline read in Brussels time', async () => {
    const winter = await newPeriod('2024', '2025-01-31');
    expect(winter).toEqual({
      id: expect.any(String),
      code: '2024',
      granularity: 'year',
      start: '2024-01-01',
      end: '2025-01-01',
      deadline: '2025-01-31T22:59:59.000Z',
      version: 1,
      position: expect.any(Number),
    });
    const quarter = await newPeriod('2024-Q2', '2024-07-31');
    expect(quarter).toEqual(
      expect.objectContaining({ granularity: 'quarter', start: '2024-04-01', end: '2024-07-01' }),
    );
    expect(quarter.deadline).toBe('2024-07-31T21:59:59.000Z');
    const month = await newPeriod('2024-03', '2024-04-15T17:00');
    expect(month).toEqual(
      expect.objectContaining({ granularity: 'month', deadline: '2024-04-15T15:00:00.000Z' }),
    );
    const span = await newPeriod('2013/2014', '2014-09-30T12:00:00Z');
    expect(span).toEqual(
      expect.objectContaining({
        code: '2013/14',
        granularity: 'year_span',
        deadline: '2014-09-30T12:00:00.000Z',
      }),
    );

    const one = await api.http
      .get(url('periods', `/${month.id}?minPosition=${span.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(one.body).toEqual(
      expect.objectContaining({
        code: '2024-03',
        timezone: 'Europe/Brussels',
        version: 1,
        start: '2024-03-01',
      }),
    );
    expect(one.headers.etag).toBe('"1"');
    const list = await api.http
      .get(url('periods', `?minPosition=${span.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(list.body.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['2024', '2024-Q2', '2024-03', '2013/14']),
    );
  });

  it('keeps one period per code: a duplicate is 409 naming code, and of two concurrent creates one wins', async () => {
    await newPeriod('2019');
    const duplicate = await definePeriod('2019', '2030-01-01');
    expect(expectProblem(duplicate, 409, 'PERIOD.CODE_TAKEN').errors[0].field).toBe('code');
    await newPeriod('2011/12');
    expectProblem(await definePeriod('2011/2012', '2030-01-01'), 409, 'PERIOD.CODE_TAKEN');

    const racing = await Promise.all([
      definePeriod('2020-Q3', '2030-01-01'),
      definePeriod('2020-Q3', '2030-01-01'),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expectProblem(
      racing.find((r) => r.status === 409)!,
      409,
      'PERIOD.CODE_TAKEN',
    );
  });

  it('moves a deadline with If-Match and refuses a stale version', async () => {
    const period = await newPeriod('2021');
    const moved = await api.http
      .patch(url('periods', `/${period.id}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .set('If-Match', '1')
      .send({ deadline: '2030-06-30' })
      .expect(200);
    expect(moved.body).toEqual({ version: 2, position: expect.any(Number) });
    const stale = await api.http
      .patch(url('periods', `/${period.id}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .set('If-Match', '1')
      .send({ deadline: '2030-07-31' });
    expect(expectProblem(stale, 409, 'PERIOD.VERSION_CONFLICT')).toEqual(
      expect.objectContaining({ currentVersion: 2 }),
    );
    const now = await api.http
      .get(url('periods', `/${period.id}?minPosition=${moved.body.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(now.body).toEqual(expect.objectContaining({ deadline: '2030-06-30T21:59:59.000Z', version: 2 }));
  });

  it('assigns an indicator once per organisation and period, and again after a withdrawal', async () => {
    const [indicatorId, organisationId, period] = await Promise.all([
      newIndicator(),
      newOrganisation(),
      newPeriod('2022'),
    ]);
    const body = { indicatorId, organisationId, periodId: period.id };
    const created = await assign(body).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    expectProblem(await assign(body), 409, 'ASSIGNMENT.ALREADY_EXISTS');

    const collector = await api.member(operator, city, 'collector');
    const listed = await api.http
      .get(url('assignments', `?periodId=${period.id}&minPosition=${created.body.position}`))
      .auth(collector.accessToken, { type: 'bearer' })
      .expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: created.body.id,
        indicatorId,
        organisationId,
        periodId: period.id,
        periodCode: '2022',
        deadline: period.deadline,
        status: 'active',
      }),
    ]);

    const withdrawn = await api.http
      .delete(url('assignments', `/${created.body.id}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(withdrawn.body).toEqual({ version: 2, position: expect.any(Number) });
    const again = await assign(body).expect(201);
    expect(again.body.id).not.toBe(created.body.id);
    const after = await api.http
      .get(url('assignments', `?organisationId=${organisationId}&minPosition=${again.body.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(after.body.map((a: { id: string }) => a.id)).toEqual([again.body.id]);
  });

  it('refuses unknown indicators, organisations and periods (422 naming the field)', async () => {
    const [indicatorId, organisationId, period] = await Promise.all([
      newIndicator(),
      newOrganisation(),
      newPeriod('2023'),
    ]);
    const valid = { indicatorId, organisationId, periodId: period.id };
    for (const field of ['indicatorId', 'organisationId', 'periodId'] as const) {
      const res = await assign({ ...valid, [field]: randomUUID() });
      expect(expectProblem(res, 422).errors[0].field).toBe(field);
    }
    // A period id of another kind of stream is not a period either.
    expect(expectProblem(await assign({ ...valid, periodId: organisationId }), 422).errors[0].field).toBe(
      'periodId',
    );
  });

  it('lets collectors read but not write, and hides the city from other cities', async () => {
    const collector = await api.member(operator, city, 'collector');
    await api.http.get(url('periods')).auth(collector.accessToken, { type: 'bearer' }).expect(200);
    await api.http.get(url('assignments')).auth(collector.accessToken, { type: 'bearer' }).expect(200);
    expectProblem(await definePeriod('2025', '2030-01-01', collector), 403, 'AUTH.ROLE_NOT_ALLOWED');
    expectProblem(
      await assign(
        { indicatorId: randomUUID(), organisationId: randomUUID(), periodId: randomUUID() },
        collector,
      ),
      403,
      'AUTH.ROLE_NOT_ALLOWED',
    );
    const padua = await api.city(operator, 'Padua');
    const paduan = await api.member(operator, padua, 'coordinator');
    expectProblem(
      await api.http.get(url('periods')).auth(paduan.accessToken, { type: 'bearer' }),
      404,
      'CITY.NOT_FOUND',
    );
    expectProblem(await definePeriod('2026', '2030-01-01', paduan), 404, 'CITY.NOT_FOUND');
  });

  it('names bad fields', async () => {
    for (const [code, field] of [
      ['2024-Q5', 'code'],
      ['2024-13', 'code'],
      ['2013/15', 'code'],
    ] as const) {
      expect(expectProblem(await definePeriod(code, '2030-01-01'), 400).errors[0].field).toBe(field);
    }
    expect(expectProblem(await definePeriod('2027', '2030-02-30'), 400).errors[0].field).toBe('deadline');
    const missing = await api.http
      .post(url('periods'))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({});
    expect(new Set(expectProblem(missing, 400).errors.map((e) => e.field))).toEqual(
      new Set(['code', 'deadline']),
    );
    const badAssignment = await assign({ indicatorId: 'x', organisationId: 1 });
    expect(new Set(expectProblem(badAssignment, 400).errors.map((e) => e.field))).toEqual(
      new Set(['indicatorId', 'organisationId', 'periodId']),
    );
    expect(
      expectProblem(
        await api.http.delete(url('assignments', '/nope')).auth(coordinator.accessToken, { type: 'bearer' }),
        400,
      ).errors[0].field,
    ).toBe('id');
  });
});
