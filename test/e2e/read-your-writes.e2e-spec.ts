import { randomUUID } from 'node:crypto';
import { ApiHarness, Session, TestCity } from '../support/api-harness';

// A write wakes only the projections that handle its event types; the others keep their checkpoint until
// the sweep. A read of those with `minPosition` must still answer at once: none of the events they handle
// lies between their checkpoint and that position. The sweep is turned off here so that nothing but the
// rule itself can let such a read through.
describe('Read-your-writes across projections', () => {
  let api: ApiHarness;
  let city: TestCity;
  let coordinator: Session;
  let indicatorId: string;

  const as = (session: Session) => ({
    get: (path: string) =>
      api.http.get(`/v1/cities/${city.slug}/${path}`).auth(session.accessToken, { type: 'bearer' }),
    post: (path: string) =>
      api.http.post(`/v1/cities/${city.slug}/${path}`).auth(session.accessToken, { type: 'bearer' }),
    put: (path: string) =>
      api.http.put(`/v1/cities/${city.slug}/${path}`).auth(session.accessToken, { type: 'bearer' }),
  });

  beforeAll(async () => {
    const started = await ApiHarness.startWithOperator({ PROJECTION_SWEEP_SECONDS: '3600' });
    api = started.api;
    city = await api.city(started.operator, 'Ghent');
    coordinator = await api.member(started.operator, city, 'coordinator');
    const indicator = await as(coordinator)
      .post('indicators')
      .send({
        code: `RYW-${randomUUID().slice(0, 6)}`,
        name: 'Discrimination complaints received',
        right: 'non-discrimination',
        type: 'process',
        unit: 'count',
        direction: 'neutral',
        disaggregations: [],
        frameworkRefs: [{ framework: 'SDG', code: '10.3.1' }],
        status: 'active',
      })
      .expect(201);
    indicatorId = indicator.body.id as string;
  });
  afterAll(() => api.close());

  it('sees a write the projection handles (it waits for it)', async () => {
    const created = await as(coordinator)
      .post('organisations')
      .send({ name: 'Vluchtelingenwerk Gent', kind: 'cso' })
      .expect(201);
    const list = await as(coordinator).get(`organisations?minPosition=${created.body.position}`).expect(200);
    expect(list.body.map((o: { id: string }) => o.id)).toContain(created.body.id);
  });

  it('answers every read model after writes of types it ignores (settings, a comment)', async () => {
    await as(coordinator).put('settings').send({ fourEyes: false }).expect(200);
    const comment = await as(coordinator)
      .post('comments')
      .send({ target: { kind: 'indicator', id: indicatorId }, body: 'Context for the 2024 figure' })
      .expect(201);
    const position = comment.body.position as number;
    for (const read of [
      `indicators/${indicatorId}/series`,
      'organisations',
      'indicators',
      'periods',
      'assignments',
      'submissions',
    ]) {
      const res = await as(coordinator).get(
        `${read}${read.includes('?') ? '&' : '?'}minPosition=${position}`,
      );
      expect({ read, status: res.status }).toEqual({ read, status: 200 });
    }
    const threads = await as(coordinator)
      .get(`comments?targetKind=indicator&targetId=${indicatorId}&minPosition=${position}`)
      .expect(200);
    expect(threads.body.map((c: { id: string }) => c.id)).toContain(comment.body.id);
  });
});
