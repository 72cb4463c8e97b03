import { ApiHarness, expectProblem, Session, TestCity } from '../support/api-harness';

// Found by the OpenAPI fuzz: PostgreSQL cannot store NUL, so a NUL anywhere in a request was a 500.
describe('NUL characters in a request', () => {
  let api: ApiHarness;
  let city: TestCity;
  let coordinator: Session;

  beforeAll(async () => {
    ({ api, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
  });
  afterAll(() => api.close());

  const get = (url: string) => api.http.get(url).auth(coordinator.accessToken, { type: 'bearer' });

  it.each([
    ['a path parameter', () => get('/v1/cities/%00/organisations'), 'path'],
    ['a query parameter', () => get(`/v1/cities/${city.slug}/audit/events?stream=a%00b`), 'stream'],
    [
      'a body field',
      () =>
        api.http
          .post(`/v1/cities/${city.slug}/organisations`)
          .auth(coordinator.accessToken, { type: 'bearer' })
          .send({ name: 'CSO\u0000', kind: 'cso' }),
      'name',
    ],
    [
      'a nested body key',
      () => api.http.post('/v1/auth/login').send({ email: 'a@b.org', password: { 'x\u0000': 1 } }),
      'password.x\\0',
    ],
  ])('in %s → 400 naming the field, not 500', async (_, call, field) => {
    const problem = expectProblem(await call(), 400, 'REQUEST.INVALID');
    expect(problem.errors).toEqual([{ field, message: 'must not contain NUL characters' }]);
  });

  it('writes nothing', async () => {
    const list = await get(`/v1/cities/${city.slug}/organisations`).expect(200);
    expect(list.body).toEqual([]);
  });
});
