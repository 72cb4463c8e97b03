import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import type { Response } from 'superagent';
import {
  ApiHarness,
  cityWithPeople,
  CityWithPeople,
  eventually,
  expectProblem,
  fixtures,
  Session,
} from '../support';

// SDMX-CSV 2.0 and Open SDG exports of a public indicator whose local dimension (Sexe: Dona/Home/Altre)
// is mapped to SDG codes: an incomplete mapping is refused by name (dry run and export), a complete one
// gives _T totals and Q for suppressed cells, and the Open SDG CSV re-imports into Padua with the same values.

const SDMX = 'application/vnd.sdmx.data+csv; version=2.0.0';
type Row = Record<string, string>;
// SDMX-CSV's media type is none supertest reads as text by itself.
const asText = (res: Response, done: (err: Error | null, body: string) => void) => {
  let text = '';
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  stream.on('end', () => done(null, text));
};

describe('Open data formats: SDMX-CSV 2.0, Open SDG data and metadata, round trip', () => {
  let api: ApiHarness;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let indicator: { id: string; code: string };
  let roundTrip: { id: string; code: string };
  let reviewer: Session;

  const mappingUrl = (id: string) => `indicators/${id}/sdmx-mapping`;
  const exportOf = (code: string, query = '') =>
    api.http.get(`/v1/public/cities/${ghent.city.slug}/data/${encodeURIComponent(code)}${query}`);
  const mapping = (values: Record<string, string>) => ({
    series: 'SP_HOMELESS',
    refArea: 'BE_GNT',
    unitMeasure: 'NUMBER',
    dimensions: { Sexe: { code: 'SEX', values } },
  });
  const defineIn = (site: CityWithPeople) =>
    fixtures.indicator(site.as(site.coordinator), {
      code: `FMT-${randomUUID().slice(0, 6)}`,
      name: 'People sleeping rough',
      unit: 'count',
      disaggregations: [{ dimension: 'Sexe', values: ['Dona', 'Home', 'Altre'] }],
      status: 'active',
    });
  const validated = async (indicatorId: string, periodId: string, cells: [Row, number][]) => {
    const sent = await ghent
      .as(ghent.official)
      .post('submissions')
      .send({
        indicatorId,
        periodId,
        organisationId: ghent.organisationId,
        observations: cells.map(([disaggregation, value]) => ({ disaggregation, value })),
      })
      .expect(201);
    await ghent
      .as(reviewer)
      .post(`submissions/${sent.body.id}/validate`)
      .set('If-Match', String(sent.body.version))
      .send()
      .expect(200);
    await ghent
      .as(ghent.coordinator)
      .put(`indicators/${indicatorId}/publication`)
      .send({ comparable: false, public: true })
      .expect(200);
  };
  const published = (code: string, rows: number) =>
    eventually('the published series', async () => {
      const res = await exportOf(code, '?format=json');
      return res.status === 200 && res.body.observations.length === rows ? true : undefined;
    });

  beforeAll(async () => {
    const started = await ApiHarness.startWithOperator();
    api = started.api;
    const operator = started.operator;
    ghent = await cityWithPeople(api, operator, 'Ghent');
    reviewer = await api.member(operator, ghent.city, 'official');
    padua = await cityWithPeople(api, operator, 'Padua');
    indicator = await defineIn(ghent);
    roundTrip = await defineIn(ghent);
    const period = await fixtures.period(ghent.as(ghent.coordinator), '2024');
    await validated(indicator.id, period, [
      [{}, 40],
      [{ Sexe: 'Dona' }, 3],
      [{ Sexe: 'Home' }, 30],
      [{ Sexe: 'Altre' }, 7],
    ]);
    await validated(roundTrip.id, period, [
      [{}, 60],
      [{ Sexe: 'Dona' }, 25],
      [{ Sexe: 'Home' }, 35],
    ]);
    await published(indicator.code, 4);
    await published(roundTrip.code, 3);
  }, 120_000);
  afterAll(() => api.close());

  it('refuses an SDMX export before any mapping, naming what is missing', async () => {
    const res = await exportOf(indicator.code, '?format=sdmx-csv');
    expectProblem(res, 422, 'SDMX.UNMAPPED');
  });

  it('lists every unmapped value in a dry run, records nothing, and the export names them too', async () => {
    const dry = await ghent
      .as(ghent.coordinator)
      .put(`${mappingUrl(indicator.id)}?dryRun=true`)
      .send(mapping({ Dona: 'F' }));
    expectProblem(dry, 422, 'SDMX.UNMAPPED');
    expect(dry.body.detail).toContain('Sexe: Altre');
    expect(dry.body.detail).toContain('Sexe: Home');
    await ghent
      .as(ghent.coordinator)
      .put(mappingUrl(indicator.id))
      .send(mapping({ Dona: 'F' }))
      .expect(200);
    const refused = await eventually('the mapping in the export', async () => {
      const res = await exportOf(indicator.code, '?format=sdmx-csv');
      return res.status === 422 && String(res.body.detail).includes('Sexe: Home') ? res : undefined;
    });
    expect(refused.body.detail).not.toContain('Sexe: Dona');
  });

  it('refuses a mapping to a dimension outside the SDG DSD, naming the field', async () => {
    const res = await ghent
      .as(ghent.coordinator)
      .put(mappingUrl(indicator.id))
      .send({ ...mapping({}), dimensions: { Sexe: { code: 'TIME_PERIOD', values: {} } } });
    expectProblem(res, 400, 'SDMX.INVALID_MAPPING');
    expect(res.body.errors[0].field).toBe('dimensions.Sexe.code');
  });

  it('exports SDMX-CSV 2.0 by Accept: DSD columns in order, _T totals, suppressed cells blank and Q', async () => {
    const full = mapping({ Dona: 'F', Home: 'M', Altre: '_O' });
    const dry = await ghent
      .as(ghent.coordinator)
      .put(`${mappingUrl(indicator.id)}?dryRun=true`)
      .send(full);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ unmapped: [] });
    await ghent.as(ghent.coordinator).put(mappingUrl(indicator.id)).send(full).expect(200);
    const res = await eventually('the complete mapping', async () => {
      const r = await exportOf(indicator.code)
        .set('Accept', 'application/vnd.sdmx.data+csv;version=2.0.0')
        .buffer(true)
        .parse(asText);
      return r.status === 200 ? r : undefined;
    });
    expect(res.headers['content-type']).toBe(SDMX);
    const text = res.body as string;
    const header = text.slice(0, text.indexOf('\r\n')).split(',');
    expect(header.slice(0, 8)).toEqual([
      'STRUCTURE',
      'STRUCTURE_ID',
      'ACTION',
      'FREQ',
      'REPORTING_TYPE',
      'SERIES',
      'REF_AREA',
      'SEX',
    ]);
    expect(header.slice(-5)).toEqual(['TIME_PERIOD', 'OBS_VALUE', 'UNIT_MEASURE', 'UNIT_MULT', 'OBS_STATUS']);
    const rows = parse<Row>(text, { columns: true });
    const bySex = Object.fromEntries(rows.map((r) => [r.SEX, [r.OBS_VALUE, r.OBS_STATUS]]));
    expect(bySex).toEqual({ _T: ['40', 'A'], F: ['', 'Q'], M: ['30', 'A'], _O: ['', 'Q'] });
    for (const r of rows) {
      expect(r).toEqual(
        expect.objectContaining({
          STRUCTURE: 'datastructure',
          ACTION: 'I',
          SERIES: 'SP_HOMELESS',
          REF_AREA: 'BE_GNT',
          AGE: '_T',
          TIME_PERIOD: '2024',
        }),
      );
      const dims = header.slice(3, header.indexOf('OBS_VALUE'));
      expect(dims.filter((d) => r[d] === '')).toEqual([]);
    }
  });

  it('serves Open SDG metadata as YAML front matter and Markdown', async () => {
    const res = await api.http
      .get(`/v1/public/cities/${ghent.city.slug}/meta/${encodeURIComponent(indicator.code)}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown/);
    expect(res.text).toMatch(/^---\n/);
    expect(res.text).toContain('indicator_name: "People sleeping rough"');
    expect(res.text).toContain('computation_units: "count"');
    expect(res.text).toContain('reporting_status: "complete"');
    await api.http.get(`/v1/public/cities/${ghent.city.slug}/meta/NOPE`).expect(404);
  });

  it('re-imports its Open SDG CSV into another city with the same values', async () => {
    const res = await exportOf(roundTrip.code, '?format=open-sdg').expect(200);
    const rows = parse<Row>(res.text, { columns: true });
    expect(Object.keys(rows[0])).toEqual([
      'Year',
      'Sexe',
      'Units',
      'Series',
      'Observation status',
      'GeoCode',
      'Value',
    ]);
    const target = await defineIn(padua);
    const imported = await padua
      .as(padua.official)
      .post('imports')
      .field('indicatorId', target.id)
      .field('organisationId', padua.organisationId)
      .attach('file', Buffer.from(res.text), 'export.csv');
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual(expect.objectContaining({ ok: true, accepted: 3, rejectedCount: 0 }));
    const submission = await eventually('the imported submission', async () => {
      const r = await padua.as(padua.official).get(`submissions/${imported.body.submissions[0].id}`);
      return r.status === 200 ? r : undefined;
    });
    const values = (submission.body.observations as { disaggregation: Row; value: number }[])
      .map((o) => [o.disaggregation.Sexe ?? '', o.value])
      .sort();
    expect(values).toEqual(rows.map((r) => [r.Sexe, Number(r.Value)]).sort());
  });
});
