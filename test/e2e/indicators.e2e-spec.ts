import { ApiHarness, expectProblem, Session, TestCity, uniqueSuffix } from '../support/api-harness';

interface Written {
  id?: string;
  version: number;
  position: number;
}

describe('Indicators (event-sourced catalogue)', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let official: Session;

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
    official = await api.member(operator, city, 'official');
  });
  afterAll(() => api.close());

  const url = (suffix = '') => `/v1/cities/${city.slug}/indicators${suffix}`;
  const code = (prefix: string) => `${prefix}-${uniqueSuffix()}`;
  const body = (overrides: Record<string, unknown> = {}) => ({
    code: code('ND-P1'),
    name: { nl: 'Klachten over discriminatie', en: 'Discrimination complaints' },
    right: 'non-discrimination',
    type: 'process',
    unit: 'count',
    direction: 'neutral',
    disaggregations: [{ dimension: 'ground', values: [] }],
    frameworkRefs: [{ framework: 'SDG', code: '10.3.1' }],
    ...overrides,
  });
  const define = async (overrides: Record<string, unknown> = {}, session = coordinator): Promise<Written> => {
    const res = await api.http
      .post(url())
      .auth(session.accessToken, { type: 'bearer' })
      .send(body(overrides))
      .expect(201);
    return res.body as Written;
  };
  const patch = (id: string, version: number, changes: Record<string, unknown>, session = official) =>
    api.http
      .patch(url(`/${id}`))
      .auth(session.accessToken, { type: 'bearer' })
      .set('If-Match', String(version))
      .send(changes);

  it('defines an indicator with a multilingual name, and a plain name in the city default locale', async () => {
    const created = await define();
    expect(created).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const res = await api.http
      .get(url(`/${created.id}?minPosition=${created.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        id: created.id,
        name: { nl: 'Klachten over discriminatie', en: 'Discrimination complaints' },
        status: 'draft',
        series: 1,
        version: 1,
      }),
    );
    expect(res.headers.etag).toBe('"1"');

    const plain = await define({ name: 'Aantal woningen', status: 'active' });
    const read = await api.http
      .get(url(`/${plain.id}?minPosition=${plain.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(read.body).toEqual(
      expect.objectContaining({ name: { nl: 'Aantal woningen' }, status: 'active', version: 2 }),
    );
  });

  it('lets an official patch with If-Match, refuses a stale version, breaks the series, and keeps the history', async () => {
    const created = await define({ status: 'active' });
    const id = created.id as string;
    const beforeChange = new Date().toISOString();
    const changed = await patch(id, 2, {
      unit: 'per 10,000 inhabitants',
      name: 'Discriminatieklachten',
    }).expect(200);
    expect(changed.body).toEqual({ version: 3, position: expect.any(Number) });

    const stale = await patch(id, 2, { source: 'Unia' });
    expect(expectProblem(stale, 409, 'INDICATOR.VERSION_CONFLICT')).toEqual(
      expect.objectContaining({ currentVersion: 3 }),
    );

    const retired = await patch(id, 3, { status: 'retired' }, coordinator).expect(200);
    const back = await patch(id, retired.body.version, { status: 'active' });
    expectProblem(back, 422, 'INDICATOR.INVALID_TRANSITION');

    const now = await api.http
      .get(url(`/${id}?minPosition=${retired.body.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(now.body).toEqual(
      expect.objectContaining({
        unit: 'per 10,000 inhabitants',
        name: { nl: 'Discriminatieklachten', en: 'Discrimination complaints' },
        status: 'retired',
        series: 2,
        version: 4,
      }),
    );

    const then = await api.http
      .get(url(`/${id}?asOf=${encodeURIComponent(beforeChange)}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(then.body).toEqual(
      expect.objectContaining({ unit: 'count', status: 'active', series: 1, version: 2 }),
    );

    const history = await api.http
      .get(url(`/${id}/history`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(
      history.body.map((v: { version: number; type: string; actor: { id: string; role: string } }) => [
        v.version,
        v.type,
        v.actor.id,
        v.actor.role,
      ]),
    ).toEqual([
      [1, 'IndicatorDefined', coordinator.user.id, 'coordinator'],
      [2, 'IndicatorActivated', coordinator.user.id, 'coordinator'],
      [3, 'IndicatorRedefined', official.user.id, 'official'],
      [4, 'IndicatorRetired', coordinator.user.id, 'coordinator'],
    ]);
    expect(history.body[2]).toEqual(
      expect.objectContaining({
        seriesBreak: true,
        series: 2,
        changes: {
          unit: { before: 'count', after: 'per 10,000 inhabitants' },
          name: {
            before: { nl: expect.any(String), en: 'Discrimination complaints' },
            after: { nl: 'Discriminatieklachten', en: 'Discrimination complaints' },
          },
        },
      }),
    );
  });

  it('refuses a code already used in the city, also for two concurrent definitions', async () => {
    const taken = code('HR-S1');
    await define({ code: taken });
    const again = await api.http
      .post(url())
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send(body({ code: taken.toLowerCase() }));
    const problem = expectProblem(again, 409, 'INDICATOR.CODE_TAKEN');
    expect(problem.errors[0].field).toBe('code');
    expect(problem.detail).toContain(taken.toLowerCase());

    const raced = code('HR-S2');
    const results = await Promise.all(
      [coordinator, official].map((s) =>
        api.http
          .post(url())
          .auth(s.accessToken, { type: 'bearer' })
          .send(body({ code: raced })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);

    const created = await define();
    expectProblem(await patch(created.id as string, 1, { code: 'OTHER-1' }), 422, 'INDICATOR.CODE_IMMUTABLE');
  });

  it('lists the catalogue filtered by framework code, type and status', async () => {
    const sdg = `11.1.${Date.now()}`;
    const housing = await define({ type: 'outcome', frameworkRefs: [{ framework: 'SDG', code: sdg }] });
    await define({ type: 'outcome', frameworkRefs: [{ framework: 'FRA', code: sdg }] });
    const res = await api.http
      .get(url(`?framework=SDG&frameworkCode=${sdg}&minPosition=${housing.position + 1}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(res.body.map((i: { id: string }) => i.id)).toEqual([housing.id]);
    const byCode = await api.http
      .get(url(`?frameworkCode=${sdg}&type=outcome&status=draft`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(byCode.body).toHaveLength(2);
  });

  it('lets collectors and observers read but not write', async () => {
    const created = await define();
    for (const role of ['collector', 'observer'] as const) {
      const member = await api.member(operator, city, role);
      await api.http.get(url()).auth(member.accessToken, { type: 'bearer' }).expect(200);
      await api.http
        .get(url(`/${created.id}/history`))
        .auth(member.accessToken, { type: 'bearer' })
        .expect(200);
      expectProblem(
        await api.http.post(url()).auth(member.accessToken, { type: 'bearer' }).send(body()),
        403,
        'AUTH.ROLE_NOT_ALLOWED',
      );
      expectProblem(
        await patch(created.id as string, 1, { unit: 'x' }, member),
        403,
        'AUTH.ROLE_NOT_ALLOWED',
      );
    }
  });

  it('names bad fields and changes nothing', async () => {
    const bad = await api.http
      .post(url())
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({
        code: '-bad code',
        name: { NL: '' },
        right: 'x',
        type: 'result',
        unit: 'count',
        direction: 'up',
        disaggregations: [{ dimension: '', values: 'F' }],
        frameworkRefs: [{ framework: 'UN', code: '1' }],
        baseline: { value: 'high', year: 1800 },
      });
    expect(new Set(expectProblem(bad, 400).errors.map((e) => e.field))).toEqual(
      new Set([
        'code',
        'name',
        'type',
        'direction',
        'disaggregations.0.dimension',
        'disaggregations.0.values',
        'frameworkRefs.0.framework',
        'baseline.value',
        'baseline.year',
      ]),
    );
    const duplicate = await api.http
      .post(url())
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send(
        body({
          disaggregations: [
            { dimension: 'sex', values: ['F'] },
            { dimension: 'sex', values: [] },
          ],
        }),
      );
    expect(expectProblem(duplicate, 400, 'INDICATOR.INVALID_DEFINITION').errors[0].field).toBe(
      'disaggregations.1.dimension',
    );
    const created = await define();
    const cleared = await patch(created.id as string, 1, { unit: null });
    expect(expectProblem(cleared, 400, 'INDICATOR.INVALID_DEFINITION').errors[0].field).toBe('unit');
    const noIfMatch = await api.http
      .patch(url(`/${created.id}`))
      .auth(official.accessToken, { type: 'bearer' })
      .send({ unit: 'x' });
    expectProblem(noIfMatch, 400, 'REQUEST.IF_MATCH_REQUIRED');
    const after = await api.http
      .get(url(`/${created.id}?minPosition=${created.position}`))
      .auth(coordinator.accessToken, { type: 'bearer' });
    expect(after.body.version).toBe(1);
  });

  it("hides one city's indicators from another city's members (404)", async () => {
    const created = await define();
    const padua = await api.city(operator, 'Padua');
    const paduan = await api.member(operator, padua, 'coordinator');
    expectProblem(
      await api.http.get(url(`/${created.id}`)).auth(paduan.accessToken, { type: 'bearer' }),
      404,
      'CITY.NOT_FOUND',
    );
    expectProblem(
      await api.http
        .get(`/v1/cities/${padua.slug}/indicators/${created.id}/history`)
        .auth(paduan.accessToken, { type: 'bearer' }),
      404,
      'INDICATOR.NOT_FOUND',
    );
  });
});
