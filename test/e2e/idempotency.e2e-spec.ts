import { randomUUID } from 'node:crypto';
import { ApiHarness, expectProblem, Session, TestCity } from '../support/api-harness';

// Idempotency keys belong to one member and one route, and name one request: a retry gets the first
// result, another body under the same key is refused, another member's identical key is another key.
describe('Idempotency keys: scoped to (city, actor, route) and bound to the request', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let secondCoordinator: Session;

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
    secondCoordinator = await api.member(operator, city, 'coordinator');
  });
  afterAll(() => api.close());

  const url = (suffix: string) => `/v1/cities/${city.slug}/${suffix}`;
  const post = (session: Session, suffix: string, key: string) =>
    api.http.post(url(suffix)).auth(session.accessToken, { type: 'bearer' }).set('Idempotency-Key', key);
  const register = (session: Session, key: string, name: string) =>
    post(session, 'organisations', key).send({ name, kind: 'cso' });
  const log = () => api.auditLog(coordinator, city);

  it('answers a retry with the first result and appends nothing', async () => {
    const key = `org-${randomUUID()}`;
    const first = await register(coordinator, key, 'Buurtwerk Gent').expect(201);
    const before = await log();
    const retry = await register(coordinator, key, 'Buurtwerk Gent').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await log()).toHaveLength(before.length);
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY.KEY_REUSED naming the header, nothing appended', async () => {
    const key = `org-${randomUUID()}`;
    await register(coordinator, key, 'Huis van de Mens').expect(201);
    const before = await log();
    const other = await register(coordinator, key, 'Something else entirely');
    const problem = expectProblem(other, 422, 'IDEMPOTENCY.KEY_REUSED');
    expect(problem.errors.map((e) => e.field)).toEqual(['Idempotency-Key']);
    expect(await log()).toEqual(before);
  });

  it('binds the key to the route parameters too', async () => {
    const a = (await register(coordinator, `a-${randomUUID()}`, 'Org A').expect(201)).body as { id: string };
    const b = (await register(coordinator, `b-${randomUUID()}`, 'Org B').expect(201)).body as { id: string };
    const key = `rename-${randomUUID()}`;
    const rename = (id: string) =>
      api.http
        .patch(url(`organisations/${id}`))
        .auth(coordinator.accessToken, { type: 'bearer' })
        .set('Idempotency-Key', key)
        .set('If-Match', '1')
        .send({ name: 'Renamed' });
    await rename(a.id).expect(200);
    expectProblem(await rename(b.id), 422, 'IDEMPOTENCY.KEY_REUSED');
  });

  it("treats another member's identical key as another key: both succeed, each appends", async () => {
    const key = `shared-${randomUUID()}`;
    const before = await log();
    const mine = await register(coordinator, key, 'Samen Sterk').expect(201);
    const theirs = await register(secondCoordinator, key, 'Samen Sterk').expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    const after = await log();
    expect(after.length - before.length).toBe(2);
    // The stored key is scoped and hashed: no client text in the immutable metadata.
    const keys = after.slice(-2).map((e) => e.metadata.idempotencyKey as string);
    expect(new Set(keys).size).toBe(2);
    for (const stored of keys) expect(stored).toMatch(/^[0-9a-f]{64}$/);
  });

  it('treats the same key on another route as another key', async () => {
    const key = `route-${randomUUID()}`;
    await register(coordinator, key, 'Route one').expect(201);
    await post(coordinator, 'periods', key).send({ code: '2031', deadline: '2032-01-31' }).expect(201);
  });

  it('holds for membership commands: another member under a used key is refused and not added', async () => {
    const key = `member-${randomUUID()}`;
    const email = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@${city.slug}.test`;
    const add = (address: string) =>
      post(coordinator, 'members', key).send({ email: address, name: 'Observer', role: 'observer' });
    await add(email('first')).expect(201);
    const second = email('second');
    expectProblem(await add(second), 422, 'IDEMPOTENCY.KEY_REUSED');
    const members = await api.http
      .get(url('members'))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(JSON.stringify(members.body)).not.toContain(second);
  });

  it('returns one result to concurrent first attempts with one key', async () => {
    const key = `race-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => register(coordinator, key, 'Gelijktijdig').expect(201)),
    );
    expect(new Set(results.map((r) => r.body.id as string)).size).toBe(1);
  });
});
