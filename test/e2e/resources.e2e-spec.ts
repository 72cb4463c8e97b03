import { ApiHarness, CityWithPeople, cityWithPeople, expectProblem, fixtures, Session } from '../support';

interface Resource {
  id: string;
  kind: string;
  title: string;
  offeredBy: string;
  amount: { value: number; currency: string } | null;
  contactRole: string | null;
  links: { kind: string; id: string }[];
  status: string;
  version: number;
}

describe('Resources (material, financial, knowledge)', () => {
  let api: ApiHarness;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let otherOrganisation: string;
  let indicatorId: string;

  beforeAll(async () => {
    let operator: Session;
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await cityWithPeople(api, operator, 'Ghent');
    padua = await cityWithPeople(api, operator, 'Padua');
    otherOrganisation = await fixtures.organisation(ghent.as(ghent.coordinator));
    indicatorId = (await fixtures.indicator(ghent.as(ghent.coordinator))).id;
  });
  afterAll(() => api.close());

  const venue = (fields: object = {}) => ({
    kind: 'material',
    title: 'Community hall for 40 people',
    offeredBy: ghent.organisationId,
    availability: { from: '2026-01-01', until: '2026-12-31', note: 'Weekday evenings' },
    contactRole: 'Volunteer coordinator',
    ...fields,
  });
  const offer = (session: Session, body: object, city = ghent) =>
    city.as(session).post('resources').send(body);
  const read = async (id: string, position: number, session = ghent.observer): Promise<Resource> =>
    (await ghent.as(session).get(`resources/${id}?minPosition=${position}`).expect(200)).body as Resource;

  it("a collector offers their own organisation's resource; every member reads it", async () => {
    const created = await offer(ghent.collector, venue({ links: [{ kind: 'indicator', id: indicatorId }] }));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const resource = await read(created.body.id, created.body.position);
    expect(resource).toMatchObject({
      kind: 'material',
      title: 'Community hall for 40 people',
      offeredBy: ghent.organisationId,
      availability: { from: '2026-01-01', until: '2026-12-31', note: 'Weekday evenings' },
      amount: null,
      contactRole: 'Volunteer coordinator',
      links: [{ kind: 'indicator', id: indicatorId }],
      status: 'offered',
      version: 1,
    });
    const event = await ghent
      .as(ghent.coordinator)
      .get(`audit/events?stream=resource-${created.body.id}`)
      .expect(200);
    expect(event.body.events[0].metadata).toMatchObject({ actorId: ghent.collector.user.id });
  });

  it('answers a retry under the same Idempotency-Key with the first resource', async () => {
    const keyed = () =>
      ghent
        .as(ghent.official)
        .post('resources')
        .set('Idempotency-Key', 'grant-1')
        .send(venue({ title: 'Tools' }));
    const first = await keyed().expect(201);
    expect((await keyed().expect(201)).body).toEqual(first.body);
  });

  it('refuses a collector for another organisation (403), an observer and a researcher (403)', async () => {
    expectProblem(
      await offer(ghent.collector, venue({ offeredBy: otherOrganisation })),
      403,
      'RESOURCE.NOT_YOUR_ORGANISATION',
    );
    expectProblem(await offer(ghent.observer, venue()), 403);
    expectProblem(await offer(ghent.researcher, venue()), 403);
  });

  it('a coordinator and an official offer for any organisation of the city, not of another city', async () => {
    await offer(ghent.coordinator, venue({ offeredBy: otherOrganisation })).expect(201);
    await offer(ghent.official, venue({ offeredBy: otherOrganisation, kind: 'knowledge' })).expect(201);
    const foreign = expectProblem(
      await offer(ghent.coordinator, venue({ offeredBy: padua.organisationId })),
      422,
      'RESOURCE.UNKNOWN_ORGANISATION',
    );
    expect(foreign.errors).toEqual([expect.objectContaining({ field: 'offeredBy' })]);
    const link = expectProblem(
      await offer(ghent.coordinator, venue({ links: [{ kind: 'indicator', id: padua.organisationId }] })),
      422,
      'RESOURCE.UNKNOWN_LINK',
    );
    expect(link.errors).toEqual([expect.objectContaining({ field: 'links[0].id' })]);
  });

  it('takes an amount only on a financial resource, in a real currency', async () => {
    const grant = { kind: 'financial', title: 'Small grant', amount: { value: 2500.5, currency: 'EUR' } };
    const created = await offer(ghent.coordinator, venue(grant)).expect(201);
    expect((await read(created.body.id, created.body.position)).amount).toEqual({
      value: 2500.5,
      currency: 'EUR',
    });
    const material = expectProblem(
      await offer(ghent.coordinator, venue({ amount: { value: 10, currency: 'EUR' } })),
      422,
      'RESOURCE.AMOUNT_NOT_FINANCIAL',
    );
    expect(material.errors).toEqual([expect.objectContaining({ field: 'amount' })]);
    const currency = expectProblem(
      await offer(ghent.coordinator, venue({ ...grant, amount: { value: 10, currency: 'XYZ' } })),
      422,
      'RESOURCE.INVALID_AMOUNT',
    );
    expect(currency.errors).toEqual([expect.objectContaining({ field: 'amount.currency' })]);
    expectProblem(
      await offer(ghent.coordinator, venue({ ...grant, amount: { value: 10, currency: 'eur' } })),
      400,
      'REQUEST.INVALID',
    );
    expectProblem(
      await offer(ghent.coordinator, venue({ contactRole: 'mail jan@cso.example' })),
      422,
      'RESOURCE.CONTACT_DATA',
    );
  });

  it('changes with If-Match (409 when stale), by the offering collector only, and withdraws', async () => {
    const created = await offer(ghent.coordinator, venue({ title: 'Projector' })).expect(201);
    const id = created.body.id as string;
    const patch = (session: Session, version: number, body: object) =>
      ghent.as(session).patch(`resources/${id}`).set('If-Match', String(version)).send(body);

    const changed = await patch(ghent.collector, 1, { title: 'Projector and screen' }).expect(200);
    expect(changed.body).toEqual({ version: 2, position: expect.any(Number) });
    expectProblem(await patch(ghent.coordinator, 1, { title: 'Beamer' }), 409, 'RESOURCE.VERSION_CONFLICT');
    expectProblem(
      await patch(ghent.coordinator, 2, { amount: { value: 5, currency: 'EUR' } }),
      422,
      'RESOURCE.AMOUNT_NOT_FINANCIAL',
    );
    expectProblem(await patch(ghent.observer, 2, { title: 'X' }), 403);

    const theirs = await offer(ghent.coordinator, venue({ offeredBy: otherOrganisation })).expect(201);
    expectProblem(
      await ghent
        .as(ghent.collector)
        .patch(`resources/${theirs.body.id}`)
        .set('If-Match', '1')
        .send({ title: 'X' }),
      403,
      'RESOURCE.NOT_YOUR_ORGANISATION',
    );

    const before = new Date().toISOString();
    const withdrawn = await ghent
      .as(ghent.collector)
      .post(`resources/${id}/withdraw`)
      .set('If-Match', '2')
      .expect(200);
    expect(withdrawn.body).toEqual({ version: 3, position: expect.any(Number) });
    expect(await read(id, withdrawn.body.position)).toMatchObject({ status: 'withdrawn', version: 3 });
    expectProblem(await patch(ghent.coordinator, 3, { title: 'X' }), 409, 'RESOURCE.WITHDRAWN');
    const then = await ghent.as(ghent.researcher).get(`resources/${id}?asOf=${encodeURIComponent(before)}`);
    expect(then.body).toMatchObject({ title: 'Projector and screen', status: 'offered', version: 2 });
  });

  it("shows another city's resource to nobody here (404)", async () => {
    const theirs = await offer(padua.coordinator, venue({ offeredBy: padua.organisationId }), padua).expect(
      201,
    );
    expectProblem(
      await ghent.as(ghent.coordinator).get(`resources/${theirs.body.id}`),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(
      await ghent
        .as(ghent.coordinator)
        .patch(`resources/${theirs.body.id}`)
        .set('If-Match', '1')
        .send({ title: 'X' }),
      404,
      'RESOURCE.NOT_FOUND',
    );
    const list = await ghent.as(ghent.coordinator).get(`resources?minPosition=${theirs.body.position}`);
    expect((list.body as Resource[]).map((r) => r.id)).not.toContain(theirs.body.id);
  });

  it('searches by kind, organisation, words of the title and indicator, page by page', async () => {
    const last = await offer(
      ghent.official,
      venue({ kind: 'knowledge', title: 'Survey design expertise' }),
    ).expect(201);
    const list = async (query: string) =>
      (await ghent.as(ghent.observer).get(`resources?minPosition=${last.body.position}&${query}`).expect(200))
        .body as Resource[];

    const knowledge = await list('kind=knowledge');
    expect(knowledge.length).toBeGreaterThanOrEqual(2);
    expect(knowledge.every((r) => r.kind === 'knowledge')).toBe(true);
    expect((await list('q=SURVEY%20design')).map((r) => r.title)).toEqual(['Survey design expertise']);
    expect(
      (await list(`organisation=${otherOrganisation}`)).every((r) => r.offeredBy === otherOrganisation),
    ).toBe(true);
    expect((await list(`indicatorId=${indicatorId}`)).map((r) => r.title)).toEqual([
      'Community hall for 40 people',
    ]);
    expect((await list('q=%25')).length).toBe(0);

    const first = await ghent.as(ghent.observer).get(`resources?limit=2`).expect(200);
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link)?.[1] as string;
    const second = await api.http.get(next).auth(ghent.observer.accessToken, { type: 'bearer' }).expect(200);
    const seen = (first.body as Resource[]).map((r) => r.id);
    expect((second.body as Resource[]).some((r) => seen.includes(r.id))).toBe(false);
    expectProblem(await ghent.as(ghent.observer).get('resources?kind=venue'), 400);
  });

  it('keeps the resources read model equal to a replay of the log (offers, revisions, withdrawals)', async () => {
    const res = await ghent.as(ghent.coordinator).get('audit/verify?readModels=true').expect(200);
    const resources = (
      res.body as {
        readModels: { projections: { projection: string; tables: Record<string, number | string>[] }[] };
      }
    ).readModels.projections.find((p) => p.projection === 'resources');
    expect(resources?.tables).toEqual([
      expect.objectContaining({ table: 'resources', missing: 0, extra: 0, changed: 0 }),
    ]);
    expect(resources?.tables[0].logRows).toBeGreaterThanOrEqual(8);
  });
});
