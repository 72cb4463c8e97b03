import { ApiHarness, expectProblem, Session, TestCity } from '../support/api-harness';

interface Written {
  id?: string;
  version: number;
  position: number;
}

describe('Organisations (event-sourced stakeholders)', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
  });
  afterAll(() => api.close());

  const url = (suffix = '') => `/v1/cities/${city.slug}/organisations${suffix}`;
  const register = async (name: string, session = coordinator, key?: string): Promise<Written> => {
    const req = api.http.post(url()).auth(session.accessToken, { type: 'bearer' });
    if (key) req.set('Idempotency-Key', key);
    const res = await req.send({ name, kind: 'cso' }).expect(201);
    return res.body as Written;
  };

  it('registers an organisation and reads it back at once with minPosition', async () => {
    const created = await register('Vluchtelingenwerk Gent');
    expect(created).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const res = await api.http
      .get(url(`/${created.id}?minPosition=${created.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({ id: created.id, name: 'Vluchtelingenwerk Gent', kind: 'cso', version: 1 }),
    );
    expect(res.headers.etag).toBe('"1"');
  });

  it('renames with If-Match, refuses a stale version, and shows the old name as of before the rename', async () => {
    const created = await register('Samenlevingsopbouw');
    const beforeRename = new Date().toISOString();
    const renamed = await api.http
      .patch(url(`/${created.id}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .set('If-Match', '1')
      .send({ name: 'Samenlevingsopbouw Gent' })
      .expect(200);
    expect(renamed.body).toEqual({ version: 2, position: created.position + 1 });

    const stale = await api.http
      .patch(url(`/${created.id}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .set('If-Match', '1')
      .send({ kind: 'academic' });
    expect(expectProblem(stale, 409, 'ORGANISATION.VERSION_CONFLICT')).toEqual(
      expect.objectContaining({ currentVersion: 2 }),
    );

    const now = await api.http
      .get(url(`/${created.id}?minPosition=${renamed.body.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(now.body).toEqual(
      expect.objectContaining({ name: 'Samenlevingsopbouw Gent', kind: 'cso', version: 2 }),
    );

    const then = await api.http
      .get(url(`/${created.id}?asOf=${encodeURIComponent(beforeRename)}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(then.body).toEqual(expect.objectContaining({ name: 'Samenlevingsopbouw', version: 1 }));

    const beforeItExisted = await api.http
      .get(url(`/${created.id}?asOf=2000-01-01T00:00:00Z`))
      .auth(coordinator.accessToken, { type: 'bearer' });
    expectProblem(beforeItExisted, 404, 'ORGANISATION.NOT_FOUND');
  });

  it('lets the auditor see every event with its actor and time; observers and collectors cannot', async () => {
    const created = await register('Kind en Gezin');
    await api.http
      .patch(url(`/${created.id}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .set('If-Match', '1')
      .send({ name: 'Opgroeien' })
      .expect(200);
    const auditor = await api.member(operator, city, 'auditor');
    const stream = await api.http
      .get(`/v1/cities/${city.slug}/audit/streams/organisation-${created.id}`)
      .auth(auditor.accessToken, { type: 'bearer' })
      .expect(200);
    expect(
      stream.body.events.map(
        (e: { type: string; version: number; metadata: { actorId: string }; recordedAt: string }) => [
          e.type,
          e.version,
          e.metadata.actorId,
          Number.isNaN(Date.parse(e.recordedAt)),
        ],
      ),
    ).toEqual([
      ['OrganisationRegistered', 1, coordinator.user.id, false],
      ['OrganisationRenamed', 2, coordinator.user.id, false],
    ]);
    for (const role of ['observer', 'collector'] as const) {
      const member = await api.member(operator, city, role);
      const res = await api.http
        .get(`/v1/cities/${city.slug}/audit/events`)
        .auth(member.accessToken, { type: 'bearer' });
      expectProblem(res, 403, 'AUTH.ROLE_NOT_ALLOWED');
    }
  });

  it('returns the first result for a retried Idempotency-Key and records the organisation once', async () => {
    const key = `register-${Date.now()}`;
    const [first, second] = await Promise.all([
      register('Dubbel Gent', coordinator, key),
      register('Dubbel Gent', coordinator, key),
    ]);
    expect(second).toEqual(first);
    const retried = await register('Dubbel Gent', coordinator, key);
    expect(retried).toEqual(first);
    const list = await api.http
      .get(url(`?minPosition=${first.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(list.body.filter((o: { name: string }) => o.name === 'Dubbel Gent')).toHaveLength(1);
  });

  it('lets every member read, but only coordinators write', async () => {
    const collector = await api.member(operator, city, 'collector');
    await api.http.get(url()).auth(collector.accessToken, { type: 'bearer' }).expect(200);
    const res = await api.http
      .post(url())
      .auth(collector.accessToken, { type: 'bearer' })
      .send({ name: 'X', kind: 'cso' });
    expectProblem(res, 403, 'AUTH.ROLE_NOT_ALLOWED');
  });

  it('names bad fields and headers, and changes nothing', async () => {
    const bad = await api.http
      .post(url())
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ name: '   ', kind: 'club' });
    expect(new Set(expectProblem(bad, 400).errors.map((e) => e.field))).toEqual(new Set(['name', 'kind']));
    const created = await register('Wijkgezondheidscentrum');
    const noIfMatch = await api.http
      .patch(url(`/${created.id}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ name: 'Y' });
    expect(expectProblem(noIfMatch, 400, 'REQUEST.IF_MATCH_REQUIRED').errors[0].field).toBe('If-Match');
    const malformedId = await api.http
      .get(url('/not-a-uuid'))
      .auth(coordinator.accessToken, { type: 'bearer' });
    expect(expectProblem(malformedId, 400).errors[0].field).toBe('id');
    const badAsOf = await api.http
      .get(url(`/${created.id}?asOf=yesterday`))
      .auth(coordinator.accessToken, { type: 'bearer' });
    expect(expectProblem(badAsOf, 400).errors[0].field).toBe('asOf');
    const after = await api.http
      .get(url(`/${created.id}?minPosition=${created.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' });
    expect(after.body.version).toBe(1);
  });

  it("answers 400 at once, without waiting, for a minPosition beyond the city's last event", async () => {
    const started = Date.now();
    const res = await api.http
      .get(url('?minPosition=999999999'))
      .auth(coordinator.accessToken, { type: 'bearer' });
    expect(expectProblem(res, 400, 'PROJECTION.POSITION_AHEAD').errors[0].field).toBe('minPosition');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("hides one city's organisations from another city's members (404)", async () => {
    const created = await register('Gents geheim');
    const padua = await api.city(operator, 'Padua');
    const paduan = await api.member(operator, padua, 'coordinator');
    expectProblem(
      await api.http.get(url(`/${created.id}`)).auth(paduan.accessToken, { type: 'bearer' }),
      404,
      'CITY.NOT_FOUND',
    );
    const own = await api.http
      .get(`/v1/cities/${padua.slug}/organisations/${created.id}`)
      .auth(paduan.accessToken, { type: 'bearer' });
    expectProblem(own, 404, 'ORGANISATION.NOT_FOUND');
  });
});
