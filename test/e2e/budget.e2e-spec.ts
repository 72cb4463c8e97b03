import {
  ApiHarness,
  CityWithPeople,
  cityWithPeople,
  eventually,
  expectProblem,
  fixtures,
  Session,
} from '../support';

interface Written {
  id: string;
  version: number;
  position: number;
}

interface PublicBudget {
  city: string;
  lines: {
    id: string;
    title: string;
    calls: { id: string; criteria: unknown[]; projects: { id: string; title: string }[] }[];
  }[];
  indicators: { id: string; code: string; name: string }[];
  next: string | null;
}

describe('Budget lines, calls for proposals and funded projects', () => {
  let api: ApiHarness;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let auditor: Session;
  // Ghent's indicators: one public, one internal.
  let open: { id: string; code: string };
  let internal: { id: string; code: string };

  beforeAll(async () => {
    const started = await ApiHarness.startWithOperator();
    api = started.api;
    ghent = await cityWithPeople(api, started.operator, 'Ghent');
    padua = await cityWithPeople(api, started.operator, 'Padua');
    auditor = await api.member(started.operator, ghent.city, 'auditor');
    const coordinator = ghent.as(ghent.coordinator);
    open = await fixtures.indicator(coordinator, { status: 'active', name: 'Youth in education' });
    internal = await fixtures.indicator(coordinator, { status: 'active', name: 'ZZ-INTERNAL indicator' });
    await coordinator
      .put(`indicators/${open.id}/publication`)
      .send({ comparable: false, public: true })
      .expect(200);
  });
  afterAll(() => api.close());

  const line = (fields: object = {}) => ({
    code: `SOC-${Math.random().toString(36).slice(2, 8)}`,
    title: 'Inclusion grants (illustrative)',
    year: 2025,
    amount: { value: 100000, currency: 'EUR' },
    indicators: [open.id, internal.id],
    ...fields,
  });
  const call = (budgetLineId: string, fields: object = {}) => ({
    title: 'Neighbourhood projects (illustrative)',
    budgetLineId,
    opens: '2025-03-01T00:00:00Z',
    closes: '2025-04-30T23:59:59Z',
    criteria: [
      { indicatorId: open.id, description: 'Contribution to youth in education', weight: 60 },
      { indicatorId: internal.id, description: 'Contribution to the internal one', weight: 30 },
    ],
    ...fields,
  });
  const project = (organisationId: string, value: number, fields: object = {}) => ({
    organisationId,
    title: 'Homework clubs (illustrative)',
    amount: { value, currency: 'EUR' },
    contributions: [{ indicatorId: open.id, expected: '40 young people back in school' }],
    ...fields,
  });
  const created = (res: { status: number; body: unknown }) => {
    expect(res.status).toBe(201);
    return res.body as Written;
  };
  const publicBudget = async (slug: string): Promise<PublicBudget> =>
    (await api.http.get(`/v1/public/cities/${slug}/budget`).expect(200)).body as PublicBudget;

  it('lets the coordinator build a line, a call and funded projects within the line', async () => {
    const as = ghent.as(ghent.coordinator);
    const body = line();
    const lineRes = created(await as.post('budget-lines').set('Idempotency-Key', 'line-1').send(body));
    expect(lineRes).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    expect((await as.post('budget-lines').set('Idempotency-Key', 'line-1').send(body)).body).toEqual(lineRes);
    expectProblem(await as.post('budget-lines').send({ ...body, title: 'Again' }), 409, 'BUDGET.CODE_TAKEN');
    created(await as.post('budget-lines').send({ ...body, year: 2026 }));

    const callRes = created(await as.post('calls').send(call(lineRes.id)));
    const first = created(
      await as.post(`calls/${callRes.id}/projects`).send(project(ghent.organisationId, 60000)),
    );
    const over = await as.post(`calls/${callRes.id}/projects`).send(project(ghent.organisationId, 40000.01));
    expect(expectProblem(over, 422, 'BUDGET.OVER_BUDGET').errors).toEqual([
      expect.objectContaining({ field: 'amount.value' }),
    ]);
    const second = created(
      await as.post(`calls/${callRes.id}/projects`).send(project(ghent.organisationId, 40000)),
    );

    const read = await as.get(`calls/${callRes.id}?minPosition=${second.position}`).expect(200);
    expect(read.body.projects.map((p: { id: string }) => p.id)).toEqual([first.id, second.id]);
    const lineRead = await as.get(`budget-lines/${lineRes.id}?minPosition=${second.position}`).expect(200);
    expect(lineRead.body).toMatchObject({ committed: { value: 100000, currency: 'EUR' }, public: false });
    expect(lineRead.headers.etag).toBe(`"${lineRead.body.version as number}"`);

    const funded = await as
      .get(`indicators/${open.id}/funded-projects?minPosition=${second.position}`)
      .expect(200);
    expect(funded.body.map((p: { id: string }) => p.id)).toEqual([first.id, second.id]);

    // Reported contributions, with If-Match on the project.
    const report = { contributions: [{ indicatorId: open.id, reported: '35 back in school' }] };
    const path = `calls/${callRes.id}/projects/${first.id}/contributions`;
    expectProblem(
      await as.post(path).set('If-Match', '5').send(report),
      409,
      'FUNDED_PROJECT.VERSION_CONFLICT',
    );
    expect((await as.post(path).set('If-Match', '1').send(report).expect(200)).body.version).toBe(2);
    const notDeclared = { contributions: [{ indicatorId: internal.id, reported: 'x' }] };
    expectProblem(await as.post(path).set('If-Match', '2').send(notDeclared), 422, 'BUDGET.NOT_DECLARED');

    // The audit log names who did it.
    const audit = await api.http
      .get(`/v1/cities/${ghent.city.slug}/audit/streams/funded-project-${first.id}`)
      .auth(auditor.accessToken, { type: 'bearer' })
      .expect(200);
    expect(JSON.stringify(audit.body)).toContain('ProjectContributionsReported');
  });

  it("funds at most the line's amount when two projects are funded at once", async () => {
    const as = ghent.as(ghent.coordinator);
    const made = created(
      await as.post('budget-lines').send(line({ amount: { value: 1000, currency: 'EUR' } })),
    );
    const callRes = created(await as.post('calls').send(call(made.id)));
    const both = await Promise.all(
      [1, 2].map(() => as.post(`calls/${callRes.id}/projects`).send(project(ghent.organisationId, 600))),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
    const last = both.find((r) => r.status === 201)?.body as Written;
    const read = await as.get(`budget-lines/${made.id}?minPosition=${last.position}`).expect(200);
    expect(read.body.committed).toEqual({ value: 600, currency: 'EUR' });

    // The contract's `amount` may also come as a bare number, in the line's currency.
    const bare = created(
      await as.post(`calls/${callRes.id}/projects`).send(project(ghent.organisationId, 400, { amount: 400 })),
    );
    const full = await as.get(`budget-lines/${made.id}?minPosition=${bare.position}`).expect(200);
    expect(full.body.committed).toEqual({ value: 1000, currency: 'EUR' });
  });

  it('refuses bad input with 422 naming the field, and stale If-Match with 409', async () => {
    const as = ghent.as(ghent.coordinator);
    const bad = await as.post('budget-lines').send(line({ amount: { value: 10, currency: 'XYZ' } }));
    expect(expectProblem(bad, 422, 'BUDGET.UNKNOWN_CURRENCY').errors[0].field).toBe('amount.currency');
    const stranger = await as
      .post('budget-lines')
      .send(line({ indicators: [open.id, padua.organisationId] }));
    expect(expectProblem(stranger, 422, 'BUDGET.UNKNOWN_INDICATOR').errors[0].field).toBe('indicators[1]');

    const made = created(await as.post('budget-lines').send(line()));
    const backwards = await as.post('calls').send(call(made.id, { closes: '2025-02-01T00:00:00Z' }));
    expect(expectProblem(backwards, 422, 'BUDGET.CLOSES_BEFORE_OPENS').errors[0].field).toBe('closes');
    const heavy = call(made.id, {
      criteria: [
        { indicatorId: open.id, description: 'a', weight: 70 },
        { indicatorId: internal.id, description: 'b', weight: 31 },
      ],
    });
    expectProblem(await as.post('calls').send(heavy), 422, 'BUDGET.WEIGHTS_OVER_100');
    const callRes = created(await as.post('calls').send(call(made.id)));
    const dollars = project(ghent.organisationId, 10, { amount: { value: 10, currency: 'USD' } });
    expectProblem(
      await as.post(`calls/${callRes.id}/projects`).send(dollars),
      422,
      'BUDGET.CURRENCY_MISMATCH',
    );
    const otherOrg = await as.post(`calls/${callRes.id}/projects`).send(project(padua.organisationId, 10));
    expect(expectProblem(otherOrg, 422, 'BUDGET.UNKNOWN_ORGANISATION').errors[0].field).toBe(
      'organisationId',
    );

    expectProblem(
      await as.patch(`budget-lines/${made.id}`).set('If-Match', '7').send({ title: 'New' }),
      409,
      'BUDGET_LINE.VERSION_CONFLICT',
    );
    const revised = await as
      .patch(`budget-lines/${made.id}`)
      .set('If-Match', '2')
      .send({ title: 'New (illustrative)' });
    expect(revised.status).toBe(200);
  });

  it('lets only the coordinator write; other cities get 404', async () => {
    const made = created(await ghent.as(ghent.coordinator).post('budget-lines').send(line()));
    for (const who of [ghent.official, ghent.collector, ghent.observer]) {
      expectProblem(await ghent.as(who).post('budget-lines').send(line()), 403);
      expectProblem(await ghent.as(who).post('calls').send(call(made.id)), 403);
      expectProblem(
        await ghent.as(who).put(`budget-lines/${made.id}/publication`).send({ public: true }),
        403,
      );
    }
    await ghent.as(ghent.observer).get('budget-lines').expect(200);
    const paduaAs = padua.as(padua.coordinator);
    expectProblem(await paduaAs.get(`budget-lines/${made.id}`), 404, 'BUDGET.LINE_NOT_FOUND');
    expectProblem(
      await paduaAs.patch(`budget-lines/${made.id}`).set('If-Match', '1').send({ title: 'X' }),
      404,
    );
    expectProblem(await paduaAs.put(`budget-lines/${made.id}/publication`).send({ public: true }), 404);
    expectProblem(
      await paduaAs.post('calls').send(call(made.id, { criteria: [] })),
      422,
      'BUDGET.UNKNOWN_LINE',
    );
    expectProblem(await paduaAs.get(`indicators/${open.id}/funded-projects`), 404, 'INDICATOR.NOT_FOUND');
  });

  it('publishes only published lines, and names only public indicators', async () => {
    const as = ghent.as(ghent.coordinator);
    const shown = created(await as.post('budget-lines').send(line({ title: 'Shown line (illustrative)' })));
    created(await as.post('budget-lines').send(line({ title: 'Hidden line (illustrative)' })));
    const shownCall = created(await as.post('calls').send(call(shown.id)));
    const shownProject = created(
      await as.post(`calls/${shownCall.id}/projects`).send(project(ghent.organisationId, 500)),
    );
    const published = await as.put(`budget-lines/${shown.id}/publication`).send({ public: true }).expect(200);

    const paduaAs = padua.as(padua.coordinator);
    const paduaIndicator = await fixtures.indicator(paduaAs);
    const paduaLine = created(
      await paduaAs.post('budget-lines').send(line({ title: 'Padua line', indicators: [paduaIndicator.id] })),
    );
    const paduaPublished = await paduaAs
      .put(`budget-lines/${paduaLine.id}/publication`)
      .send({ public: true })
      .expect(200);
    await paduaAs
      .get(`budget-lines/${paduaLine.id}?minPosition=${paduaPublished.body.position as number}`)
      .expect(200);

    await as.get(`budget-lines/${shown.id}?minPosition=${published.body.position as number}`).expect(200);
    const budget = await eventually('the public indicator in the public budget', async () => {
      const body = await publicBudget(ghent.city.slug);
      return body.indicators.length > 0 ? body : undefined;
    });
    expect(budget.lines.map((l) => l.title)).toEqual(['Shown line (illustrative)']);
    expect(budget.lines[0].calls[0].projects.map((p) => p.id)).toEqual([shownProject.id]);
    expect(budget.indicators).toEqual([{ id: open.id, code: open.code, name: 'Youth in education' }]);
    expect(JSON.stringify(budget)).not.toMatch(/ZZ-INTERNAL|Hidden line|Padua line/);
    expect((await publicBudget(padua.city.slug)).lines.map((l) => l.id)).toEqual([paduaLine.id]);

    // A withdrawal holds at once.
    await as.put(`budget-lines/${shown.id}/publication`).send({ public: false }).expect(200);
    expect((await publicBudget(ghent.city.slug)).lines).toEqual([]);
    await api.http.get('/v1/public/cities/nowhere/budget').expect(404);
  });
});
