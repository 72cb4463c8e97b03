import { ApiHarness, expectProblem, Session, uniqueSuffix } from '../support/api-harness';

describe('Platform: cities (operator)', () => {
  let api: ApiHarness;
  let operator: Session;

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
  });
  afterAll(() => api.close());

  const valid = () => ({
    slug: `vienna-${uniqueSuffix()}`,
    name: 'Vienna',
    countryCode: 'AT',
    defaultLocale: 'de',
    timezone: 'Europe/Vienna',
  });

  it('creates a city and lists it', async () => {
    const body = valid();
    const created = await api.http
      .post('/v1/platform/cities')
      .auth(operator.accessToken, { type: 'bearer' })
      .send(body)
      .expect(201);
    expect(created.body).toEqual({
      ...body,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: expect.any(String),
    });

    // The largest page: other suites sharing this test database add cities of their own.
    const list = await api.http
      .get('/v1/platform/cities?limit=1000')
      .auth(operator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(list.body).toContainEqual(created.body);
  });

  it('refuses a second city with the same slug (409, naming slug)', async () => {
    const body = valid();
    await api.http
      .post('/v1/platform/cities')
      .auth(operator.accessToken, { type: 'bearer' })
      .send(body)
      .expect(201);
    const res = await api.http
      .post('/v1/platform/cities')
      .auth(operator.accessToken, { type: 'bearer' })
      .send(body);
    expect(expectProblem(res, 409, 'CITY.SLUG_TAKEN').errors).toEqual([
      { field: 'slug', message: 'is already taken' },
    ]);
  });

  it('names every invalid field of a bad body (400) and creates nothing', async () => {
    const body = {
      ...valid(),
      countryCode: 'XYZ',
      timezone: 'Mars/Olympus_Mons',
      slug: 'Not A Slug',
      extra: 1,
    };
    const res = await api.http
      .post('/v1/platform/cities')
      .auth(operator.accessToken, { type: 'bearer' })
      .send(body);
    const fields = expectProblem(res, 400, 'REQUEST.INVALID').errors.map((e) => e.field);
    expect(new Set(fields)).toEqual(new Set(['countryCode', 'timezone', 'slug', 'extra']));
    // The largest page: other suites sharing this test database add cities of their own.
    const list = await api.http
      .get('/v1/platform/cities?limit=1000')
      .auth(operator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(list.body.map((c: { name: string }) => c.name)).not.toContain('Not A Slug');
  });

  it('refuses wrong types and missing fields with 400, never 500', async () => {
    const res = await api.http
      .post('/v1/platform/cities')
      .auth(operator.accessToken, { type: 'bearer' })
      .send({ slug: 42, name: ['x'] });
    const fields = expectProblem(res, 400).errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['slug', 'name', 'countryCode', 'defaultLocale', 'timezone']),
    );
  });

  it('is closed to anonymous callers (401) and to city members (403)', async () => {
    expectProblem(await api.http.get('/v1/platform/cities'), 401, 'AUTH.UNAUTHENTICATED');
    const city = await api.city(operator);
    const coordinator = await api.member(operator, city, 'coordinator');
    const res = await api.http
      .post('/v1/platform/cities')
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send(valid());
    expectProblem(res, 403, 'AUTH.OPERATOR_ONLY');
  });
});
