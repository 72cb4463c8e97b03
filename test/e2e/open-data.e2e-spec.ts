import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import {
  ApiHarness,
  cityWithPeople,
  CityWithPeople,
  eventually,
  expectProblem,
  fixtures,
  Session,
} from '../support';

// A public count indicator broken down by sex, with small cells: what leaves the city is its validated
// series with small numbers suppressed (blank, Q) and the cells that would give them away; signed-in
// users see the values. Exports follow the open-data projection, so expectations are polled for.

interface Observation {
  period: string;
  disaggregation: Record<string, string>;
  value: number | null;
  obsStatus: string;
  suppressed: string | null;
  source: string | null;
  definitionVersion: number;
  series: number;
}
interface Series {
  city: { slug: string };
  indicator: { code: string; unit: string; dimensions: string[]; licence: string; sources: string[] };
  disclosure: { minCount: number | null; origin: string };
  observations: Observation[];
}

const cellOf = (series: Series, period: string, sex?: string) =>
  series.observations.find(
    (o) => o.period === period && (sex === undefined ? !o.disaggregation.sex : o.disaggregation.sex === sex),
  );

describe('Open data: validated series, small numbers suppressed, as CSV and JSON', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let reviewer: Session;
  let paduaReviewer: Session;
  let indicator: { id: string; code: string };
  let hidden: { id: string; code: string };
  let period2024: string;

  const publicData = (slug: string, code: string, query = '') =>
    api.http.get(`/v1/public/cities/${slug}/data/${encodeURIComponent(code)}${query}`);
  const membersData = (session: Session, slug: string, code: string) =>
    api.http
      .get(`/v1/cities/${slug}/data/${encodeURIComponent(code)}`)
      .auth(session.accessToken, { type: 'bearer' });

  const report = async (
    site: CityWithPeople,
    validator: Session,
    indicatorId: string,
    periodId: string,
    cells: [Record<string, string>, number][],
  ) => {
    const res = await site
      .as(site.official)
      .post('submissions')
      .send({
        indicatorId,
        periodId,
        organisationId: site.organisationId,
        observations: cells.map(([disaggregation, value]) => ({ disaggregation, value })),
        source: 'Registry of the social welfare office',
      })
      .expect(201);
    await site
      .as(validator)
      .post(`submissions/${res.body.id}/validate`)
      .set('If-Match', String(res.body.version))
      .send()
      .expect(200);
  };
  const publish = (
    site: CityWithPeople,
    indicatorId: string,
    flags: { comparable: boolean; public: boolean },
  ) => site.as(site.coordinator).put(`indicators/${indicatorId}/publication`).send(flags).expect(200);

  const countIndicator = (site: CityWithPeople) =>
    fixtures.indicator(site.as(site.coordinator), {
      code: `OD-${randomUUID().slice(0, 6)}`,
      name: 'Evictions',
      unit: 'count',
      disaggregations: [{ dimension: 'sex', values: ['F', 'M', 'X'] }],
      status: 'active',
    });

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await cityWithPeople(api, operator, 'Ghent');
    padua = await cityWithPeople(api, operator, 'Padua');
    reviewer = await api.member(operator, ghent.city, 'official');
    paduaReviewer = await api.member(operator, padua.city, 'official');
    indicator = await countIndicator(ghent);
    hidden = await countIndicator(ghent);
    period2024 = await fixtures.period(ghent.as(ghent.coordinator), '2024');
    const period2023 = await fixtures.period(ghent.as(ghent.coordinator), '2023');
    await report(ghent, reviewer, indicator.id, period2024, [
      [{}, 40],
      [{ sex: 'F' }, 3],
      [{ sex: 'M' }, 30],
      [{ sex: 'X' }, 7],
    ]);
    await report(ghent, reviewer, indicator.id, period2023, [
      [{}, 50],
      [{ sex: 'F' }, 20],
      [{ sex: 'M' }, 30],
      [{ sex: 'X' }, 0],
    ]);
    await report(ghent, reviewer, hidden.id, period2024, [[{}, 12]]);
    await publish(ghent, indicator.id, { comparable: false, public: true });
  }, 90_000);
  afterAll(() => api.close());

  it('exports JSON with the small cell and its complement blank and Q, the rest as validated', async () => {
    const series = await eventually('the published series', async () => {
      const res = await publicData(ghent.city.slug, indicator.code);
      return res.status === 200 && (res.body as Series).observations.length === 8
        ? (res.body as Series)
        : undefined;
    });
    expect(series.indicator).toEqual(
      expect.objectContaining({
        code: indicator.code,
        unit: 'count',
        dimensions: ['sex'],
        licence: 'https://creativecommons.org/licenses/by/4.0/',
      }),
    );
    expect(series.indicator.sources).toEqual(['Registry of the social welfare office']);
    expect(series.disclosure).toEqual({ minCount: 5, secondary: true, origin: 'default' });
    expect(cellOf(series, '2024', 'F')).toEqual(
      expect.objectContaining({ value: null, obsStatus: 'Q', suppressed: null }),
    );
    // 40 - 30 - ? would give F away if X (the next smallest) were shown.
    expect(cellOf(series, '2024', 'X')).toEqual(expect.objectContaining({ value: null, obsStatus: 'Q' }));
    expect(cellOf(series, '2024', 'M')).toEqual(expect.objectContaining({ value: 30, obsStatus: 'A' }));
    expect(cellOf(series, '2024')).toEqual(expect.objectContaining({ value: 40, obsStatus: 'A' }));
    // A 0 discloses no one: published, and 2023 has nothing to hide.
    expect(cellOf(series, '2023', 'X')).toEqual(expect.objectContaining({ value: 0, obsStatus: 'A' }));
    const list = await api.http.get(`/v1/public/cities/${ghent.city.slug}/indicators`).expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        code: indicator.code,
        latest: expect.objectContaining({ value: 40, status: 'normal' }),
      }),
    ]);
  });

  it('exports the same as CSV with documented columns, and a data dictionary', async () => {
    const res = await publicData(ghent.city.slug, indicator.code, '?format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(`${indicator.code}.csv`);
    const rows = parse<Record<string, string>>(res.text, { columns: true });
    expect(Object.keys(rows[0])).toEqual([
      'period',
      'sex',
      'value',
      'unit',
      'obs_status',
      'definition_version',
      'series_break',
      'source',
    ]);
    const row = (period: string, sex: string) => rows.find((r) => r.period === period && r.sex === sex);
    expect(row('2024', 'F')).toEqual(expect.objectContaining({ value: '', obs_status: 'Q' }));
    expect(row('2024', 'X')).toEqual(expect.objectContaining({ value: '', obs_status: 'Q' }));
    expect(row('2024', '')).toEqual(
      expect.objectContaining({
        value: '40',
        unit: 'count',
        obs_status: 'A',
        definition_version: expect.stringMatching(/^[1-9]\d*$/),
        series_break: '1',
      }),
    );

    const dictionary = await api.http
      .get(`/v1/public/cities/${ghent.city.slug}/data/${indicator.code}/dictionary`)
      .expect(200);
    const columns = parse<Record<string, string>>(dictionary.text, { columns: true });
    expect(columns.map((c) => c.column)).toEqual(Object.keys(rows[0]));
    expect(columns.find((c) => c.column === 'sex')?.values).toBe('F; M; X');
  });

  it('names format when it is not one it knows', async () => {
    const res = await publicData(ghent.city.slug, indicator.code, '?format=xlsx');
    expect(expectProblem(res, 400).errors).toEqual([expect.objectContaining({ field: 'format' })]);
  });

  it("shows the city's own members the values, marked as public outputs hide them, and nobody else", async () => {
    const res = await membersData(ghent.observer, ghent.city.slug, indicator.code).expect(200);
    const series = res.body as Series;
    expect(cellOf(series, '2024', 'F')).toEqual(
      expect.objectContaining({ value: 3, obsStatus: 'A', suppressed: 'primary' }),
    );
    expect(cellOf(series, '2024', 'X')).toEqual(
      expect.objectContaining({ value: 7, obsStatus: 'A', suppressed: 'secondary' }),
    );
    // Another city's members would learn what disclosure control hides: the city is not theirs (404).
    expectProblem(await membersData(padua.coordinator, ghent.city.slug, indicator.code), 404);
  });

  it("says 404 for an unpublished indicator, an unknown city, and another city's code", async () => {
    expectProblem(await publicData(ghent.city.slug, hidden.code), 404, 'OPEN_DATA.NOT_FOUND');
    expectProblem(await publicData('no-such-city', indicator.code), 404, 'OPEN_DATA.NOT_FOUND');
    // Padua publishes its own indicator; Ghent's code under Padua's slug finds nothing.
    const own = await countIndicator(padua);
    const period = await fixtures.period(padua.as(padua.coordinator), '2024');
    await report(padua, paduaReviewer, own.id, period, [[{}, 3]]);
    await publish(padua, own.id, { comparable: false, public: true });
    await eventually('Padua published', async () =>
      (await publicData(padua.city.slug, own.code)).status === 200 ? true : undefined,
    );
    expectProblem(await publicData(padua.city.slug, indicator.code), 404, 'OPEN_DATA.NOT_FOUND');
    // Its only value is small: the public list of its indicators blanks it as the export does.
    const list = await api.http.get(`/v1/public/cities/${padua.city.slug}/indicators`).expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        code: own.code,
        latest: { period: '2024', year: 2024, value: null, status: 'Q' },
      }),
    ]);
    expectProblem(await publicData(ghent.city.slug, own.code), 404, 'OPEN_DATA.NOT_FOUND');
  });

  it("applies the indicator's own rule, and a later validation of the period supersedes the export", async () => {
    await ghent
      .as(ghent.coordinator)
      .put(`indicators/${indicator.id}/disclosure`)
      .send({ minCount: 2, secondary: true })
      .expect(200);
    await report(ghent, reviewer, indicator.id, period2024, [
      [{}, 42],
      [{ sex: 'F' }, 4],
      [{ sex: 'M' }, 31],
      [{ sex: 'X' }, 7],
    ]);
    const series = await eventually('the corrected series', async () => {
      const res = await publicData(ghent.city.slug, indicator.code);
      const body = res.body as Series;
      return cellOf(body, '2024')?.value === 42 && body.disclosure.origin === 'indicator' ? body : undefined;
    });
    expect(series.disclosure).toEqual({ minCount: 2, secondary: true, origin: 'indicator' });
    expect(cellOf(series, '2024', 'F')).toEqual(expect.objectContaining({ value: 4, obsStatus: 'A' }));
    expect(series.observations).toHaveLength(8);
  });

  it('removes the data when the indicator is unpublished', async () => {
    await publish(ghent, indicator.id, { comparable: false, public: false });
    expectProblem(await publicData(ghent.city.slug, indicator.code), 404, 'OPEN_DATA.NOT_FOUND');
  });

  it('refuses a rule from anyone but the coordinator, and a bad one naming the field', async () => {
    await ghent
      .as(ghent.official)
      .put(`indicators/${indicator.id}/disclosure`)
      .send({ minCount: 5, secondary: true })
      .expect(403);
    const bad = await ghent
      .as(ghent.coordinator)
      .put(`indicators/${indicator.id}/disclosure`)
      .send({ minCount: 0, secondary: true });
    expect(expectProblem(bad, 400).errors).toEqual([expect.objectContaining({ field: 'minCount' })]);
    await padua
      .as(padua.coordinator)
      .put(`indicators/${indicator.id}/disclosure`)
      .send({ minCount: 5, secondary: true })
      .expect(404);
  });
});
