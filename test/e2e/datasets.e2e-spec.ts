import { asCityId } from '@rl/kernel';
import { ProjectionRegistry, ProjectionRunner } from '@rl/projections';
import {
  ApiHarness,
  CityClient,
  cityWithPeople,
  CityWithPeople,
  expectProblem,
  fixtures,
  Session,
} from '../support';

interface Dataset {
  id: string;
  title: string;
  owner: string;
  sector: string;
  licence: string;
  format: string | null;
  mediaType: string | null;
  indicators: string[];
  assessments: number;
  latestAssessment: {
    id: string;
    verdict: string;
    checklist: Record<string, { score: number; note: string | null }>;
    assessedBy: { id: string | null; role: string | null };
  } | null;
  version: number;
}

const checklist = (score: number, note?: string) => ({
  relevance: { score },
  accuracy: { score },
  timeliness: { score, ...(note && { note }) },
  accessibility: { score },
  comparability: { score },
});

describe('Datasets and their quality assessments', () => {
  let api: ApiHarness;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let auditor: Session;
  let operator: Session;
  let as: (session: Session) => CityClient;
  let cityHall: string;
  let university: string;
  let provider: string;
  let indicator: string;
  let paduaIndicator: string;

  const entry = (owner: string, extra: object = {}) => ({
    title: 'Social housing waiting list (illustrative)',
    description: 'Applications for social housing, by household type.',
    owner,
    licence: 'CC-BY-4.0',
    updateFrequency: 'monthly',
    personalData: true,
    format: 'CSV',
    indicators: [indicator],
    ...extra,
  });
  const read = async (session: Session, id: string, position: number): Promise<Dataset> =>
    (await as(session).get(`datasets/${id}?minPosition=${position}`).expect(200)).body as Dataset;

  beforeAll(async () => {
    const started = await ApiHarness.startWithOperator();
    ({ api, operator } = started);
    ghent = await cityWithPeople(api, started.operator, 'Ghent');
    padua = await cityWithPeople(api, started.operator, 'Padua');
    auditor = await api.member(started.operator, ghent.city, 'auditor');
    as = ghent.as;
    const coordinator = as(ghent.coordinator);
    cityHall = await fixtures.organisation(coordinator, { kind: 'local_authority' });
    university = await fixtures.organisation(coordinator, { kind: 'academic' });
    provider = await fixtures.organisation(coordinator, { kind: 'service_provider' });
    indicator = (await fixtures.indicator(coordinator)).id;
    paduaIndicator = (await fixtures.indicator(padua.as(padua.coordinator))).id;
  });
  afterAll(() => api.close());

  let housing: { id: string; version: number; position: number };

  it('an official catalogues a dataset with a first assessment; the sector follows the owner', async () => {
    const res = await as(ghent.official)
      .post('datasets')
      .send(
        entry(cityHall, {
          licence: 'cc-by-4.0',
          qualityAssessment: { checklist: checklist(4), verdict: 'adapt' },
        }),
      )
      .expect(201);
    housing = res.body;
    expect(housing).toEqual({ id: expect.any(String), version: 2, position: expect.any(Number) });
    const dataset = await read(ghent.researcher, housing.id, housing.position);
    expect(dataset).toMatchObject({
      owner: cityHall,
      sector: 'public',
      licence: 'CC-BY-4.0',
      format: 'CSV',
      mediaType: 'text/csv',
      indicators: [indicator],
      assessments: 1,
      latestAssessment: { verdict: 'adapt', assessedBy: { id: ghent.official.user.id, role: 'official' } },
    });
  });

  it("a collector catalogues their own organisation's tool, never another's; readers never write", async () => {
    const own = await as(ghent.collector)
      .post('datasets')
      .send(
        entry(ghent.organisationId, {
          kind: 'collection-tool',
          title: 'Intake survey form',
          format: 'PAPER',
        }),
      )
      .expect(201);
    expect((await read(ghent.observer, own.body.id, own.body.position)).sector).toBe('cso');
    const other = await as(ghent.collector).post('datasets').send(entry(cityHall));
    expectProblem(other, 403, 'DATASET.NOT_OWN_ORGANISATION');
    await as(ghent.collector)
      .patch(`datasets/${own.body.id}`)
      .set('If-Match', '1')
      .send({ updateFrequency: 'weekly' })
      .expect(200);
    const theirs = await as(ghent.collector)
      .patch(`datasets/${housing.id}`)
      .set('If-Match', String(housing.version))
      .send({ title: 'Mine now' });
    expectProblem(theirs, 403, 'DATASET.NOT_OWN_ORGANISATION');
    for (const reader of [ghent.researcher, ghent.observer, auditor])
      expectProblem(await as(reader).post('datasets').send(entry(cityHall)), 403);
  });

  it('refuses a licence that is no SPDX id, naming licence', async () => {
    const res = await as(ghent.coordinator)
      .post('datasets')
      .send(entry(cityHall, { licence: 'Free for all' }));
    expect(expectProblem(res, 422, 'DATASET.UNKNOWN_LICENCE').errors).toEqual([
      expect.objectContaining({ field: 'licence' }),
    ]);
  });

  it("refuses another city's indicator and organisation with 422 naming the field", async () => {
    const indicatorRes = await as(ghent.coordinator)
      .post('datasets')
      .send(entry(cityHall, { indicators: [indicator, paduaIndicator] }));
    expect(expectProblem(indicatorRes, 422, 'DATASET.UNKNOWN_INDICATOR').errors[0].field).toBe('indicators');
    const ownerRes = await as(ghent.coordinator).post('datasets').send(entry(padua.organisationId));
    expect(expectProblem(ownerRes, 422, 'DATASET.UNKNOWN_ORGANISATION').errors[0].field).toBe('owner');
  });

  it("asks for the sector when the owner's kind implies none", async () => {
    const res = await as(ghent.coordinator).post('datasets').send(entry(provider));
    expect(expectProblem(res, 422, 'DATASET.SECTOR_REQUIRED').errors[0].field).toBe('sector');
    await as(ghent.coordinator)
      .post('datasets')
      .send(entry(provider, { sector: 'cso', title: 'Food bank visits (illustrative)' }))
      .expect(201);
  });

  it('changes fields with If-Match; a stale version is 409, the old version stays readable as of then', async () => {
    const before = new Date();
    const res = await as(ghent.coordinator)
      .patch(`datasets/${housing.id}`)
      .set('If-Match', String(housing.version))
      .send({ title: 'Social housing applications (illustrative)', format: null, owner: university })
      .expect(200);
    expect(res.body).toEqual({ version: 3, position: expect.any(Number) });
    const stale = await as(ghent.coordinator)
      .patch(`datasets/${housing.id}`)
      .set('If-Match', String(housing.version))
      .send({ title: 'Other' });
    expect(expectProblem(stale, 409, 'DATASET.VERSION_CONFLICT').errors[0].field).toBe('If-Match');
    expect(await read(ghent.coordinator, housing.id, res.body.position)).toMatchObject({
      title: 'Social housing applications (illustrative)',
      format: null,
      mediaType: null,
      owner: university,
      sector: 'academic',
      version: 3,
    });
    const then = await as(ghent.coordinator)
      .get(`datasets/${housing.id}?asOf=${encodeURIComponent(before.toISOString())}`)
      .expect(200);
    expect(then.body).toMatchObject({ title: 'Social housing waiting list (illustrative)', version: 2 });
    housing = { ...housing, ...res.body };
  });

  it("shows nothing of another city's entries: 404 on read, change and assessment", async () => {
    const paduan = padua.as(padua.coordinator);
    expectProblem(await paduan.get(`datasets/${housing.id}`), 404, 'DATASET.NOT_FOUND');
    expectProblem(
      await paduan.patch(`datasets/${housing.id}`).set('If-Match', '3').send({ title: 'X' }),
      404,
      'DATASET.NOT_FOUND',
    );
    expectProblem(
      await paduan
        .post(`datasets/${housing.id}/assessments`)
        .send({ checklist: checklist(1), verdict: 'replace' }),
      404,
      'DATASET.NOT_FOUND',
    );
    const list = await paduan.get('datasets').expect(200);
    expect(list.body).toEqual([]);
  });

  it('a researcher assesses; the history keeps every assessment, the latest is shown', async () => {
    const res = await as(ghent.researcher)
      .post(`datasets/${housing.id}/assessments`)
      .send({
        checklist: checklist(2, 'Published two years late'),
        verdict: 'replace',
        summary: 'Use the register',
      })
      .expect(201);
    expect(res.body).toEqual({ id: expect.any(String), version: 4, position: expect.any(Number) });
    for (const notAssessor of [ghent.collector, ghent.observer, auditor])
      expectProblem(
        await as(notAssessor)
          .post(`datasets/${housing.id}/assessments`)
          .send({ checklist: checklist(3), verdict: 'adapt' }),
        403,
      );
    const bad = await as(ghent.researcher)
      .post(`datasets/${housing.id}/assessments`)
      .send({ checklist: checklist(6), verdict: 'adapt' });
    expect(expectProblem(bad, 400).errors.map((e) => e.field)).toContain('checklist.relevance.score');

    const dataset = await read(auditor, housing.id, res.body.position);
    expect(dataset.assessments).toBe(2);
    expect(dataset.latestAssessment).toMatchObject({
      id: res.body.id,
      verdict: 'replace',
      assessedBy: { id: ghent.researcher.user.id, role: 'researcher' },
    });
    expect(dataset.latestAssessment?.checklist.timeliness).toEqual({
      score: 2,
      note: 'Published two years late',
    });
    const history = await as(ghent.observer).get(`datasets/${housing.id}/assessments`).expect(200);
    expect(history.body.map((a: { verdict: string }) => a.verdict)).toEqual(['adapt', 'replace']);
  });

  it('an indicator shows the datasets that feed it; the catalogue filters and pages', async () => {
    const feeding = await as(ghent.observer).get(`indicators/${indicator}/datasets`).expect(200);
    expect(feeding.body.map((d: Dataset) => d.title).sort()).toEqual([
      'Food bank visits (illustrative)',
      'Intake survey form',
      'Social housing applications (illustrative)',
    ]);
    expectProblem(
      await as(ghent.observer).get(`indicators/${paduaIndicator}/datasets`),
      404,
      'INDICATOR.NOT_FOUND',
    );

    const cso = await as(ghent.official).get('datasets?sector=cso').expect(200);
    expect(cso.body.map((d: Dataset) => d.title).sort()).toEqual([
      'Food bank visits (illustrative)',
      'Intake survey form',
    ]);
    const words = await as(ghent.official).get('datasets?q=housing%20APPLICATIONS').expect(200);
    expect(words.body.map((d: Dataset) => d.id)).toEqual([housing.id]);
    const byOwner = await as(ghent.official).get(`datasets?owner=${university}&kind=dataset`).expect(200);
    expect(byOwner.body.map((d: Dataset) => d.id)).toEqual([housing.id]);

    const first = await as(ghent.official).get(`datasets?indicatorId=${indicator}&limit=2`).expect(200);
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link)?.[1] as string;
    const rest = await api.http.get(next).auth(ghent.official.accessToken, { type: 'bearer' }).expect(200);
    expect(rest.body).toHaveLength(1);
  });

  it('records every change with its author in the audit log', async () => {
    const events = await api.auditLog(auditor, ghent.city);
    const own = events.filter((e) => e.streamId === `dataset-${housing.id}`);
    expect(own.map((e) => [e.type, e.metadata.actorRole])).toEqual([
      ['DatasetCatalogued', 'official'],
      ['DatasetAssessed', 'official'],
      ['DatasetRevised', 'coordinator'],
      ['DatasetAssessed', 'researcher'],
    ]);
  });

  it('erasing the researcher blanks their notes and summary; scores, verdict and who stay', async () => {
    const res = await api.http
      .post(`/v1/platform/people/${ghent.researcher.user.id}/erasure`)
      .auth(operator.accessToken, { type: 'bearer' })
      .expect(200);
    const position = (res.body.cities as { city: string; position: number }[]).find(
      (c) => c.city === ghent.city.slug,
    )?.position as number;
    const history = await as(ghent.coordinator)
      .get(`datasets/${housing.id}/assessments?minPosition=${position}`)
      .expect(200);
    expect(history.body[1]).toMatchObject({
      verdict: 'replace',
      summary: '[erased]',
      assessedBy: { id: ghent.researcher.user.id },
      checklist: { timeliness: { score: 2, note: '[erased]' }, relevance: { score: 2, note: null } },
    });
    expect(history.body[0].assessedBy.id).toBe(ghent.official.user.id);
    const asOf = await as(ghent.coordinator)
      .get(`datasets/${housing.id}?asOf=${new Date().toISOString()}`)
      .expect(200);
    expect(asOf.body.latestAssessment).toMatchObject({ summary: '[erased]', verdict: 'replace' });

    // The read models match a replay of the log, erasure included, once every projection has caught up.
    const runner = api.worker.get(ProjectionRunner);
    for (const projection of api.worker.get(ProjectionRegistry).all())
      while (((await runner.catchUp(asCityId(ghent.city.id), projection)) ?? -1) < position)
        await new Promise((resolve) => setTimeout(resolve, 50));
    const verified = await as(auditor).get('audit/verify?readModels=true').expect(200);
    const tables = (verified.body.readModels.projections as { tables: { table: string }[] }[]).flatMap((p) =>
      p.tables.map((t) => t.table),
    );
    expect(tables).toEqual(expect.arrayContaining(['datasets', 'dataset_assessments']));
    expect(verified.body.readModels.ok).toBe(true);
  });
});
