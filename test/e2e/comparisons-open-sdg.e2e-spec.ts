import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ApiHarness, Session, TestCity } from '../support/api-harness';

// The real Open SDG files (read only); see test/fixtures/open-sdg/README.md for their origin and licences. Both
// cities report SDG 3.2.1, but Bristol's is infant mortality and València's the under-5 rate.
const DATA = path.resolve(__dirname, '../fixtures/open-sdg');
const fixture = (name: string) => readFileSync(path.join(DATA, name));

// The headline series of an Open SDG file: rows whose disaggregation columns are all empty, by year.
function headline(file: Buffer): Map<string, number> {
  const rows = parse<Record<string, string>>(file, { columns: true, bom: true, skip_empty_lines: true });
  const series = new Map<string, number>();
  for (const row of rows) {
    const { Year: year, Value: value, ...rest } = row;
    if (value === '' || Object.values(rest).some((cell) => cell !== '')) continue;
    series.set(year, Number(value));
  }
  return series;
}

interface Report {
  ok: boolean;
  submissions: { period: string; id: string }[];
  position?: number;
}
interface SeriesView {
  periods: string[];
  cities: {
    city: string;
    cityName: string;
    unit: string;
    comparability: { score: number; comparable: boolean; caveats: { code: string; message: string }[] };
    points: { period: string; value: number }[];
  }[];
}
interface Comparison {
  rows: { city: string; value: number; rank?: number; comparability: { comparable: boolean } }[];
}

const YEARS = Array.from({ length: 10 }, (_, i) => String(2010 + i));
const RECOMPUTE_WITHIN_MS = 10_000;

describe('Comparisons with the real Open SDG files: Bristol and València, SDG 3.2.1', () => {
  let api: ApiHarness;
  let operator: Session;
  // Four eyes: one official imports, another validates.
  type Onboarded = { city: TestCity; coordinator: Session; official: Session; reviewer: Session };
  const cities: Record<'bristol' | 'valencia', Onboarded> = {} as never;

  const onboard = async (name: string) => {
    const city = await api.city(operator, name);
    return {
      city,
      coordinator: await api.member(operator, city, 'coordinator'),
      official: await api.member(operator, city, 'official'),
      reviewer: await api.member(operator, city, 'official'),
    };
  };

  // Defines the city's 3.2.1, imports its file, validates every resulting submission, publishes it.
  const report = async (
    key: 'bristol' | 'valencia',
    definition: Record<string, unknown>,
    file: string,
    mapping?: unknown,
  ): Promise<Report> => {
    const { city, coordinator, official, reviewer } = cities[key];
    const url = (p: string) => `/v1/cities/${city.slug}/${p}`;
    const organisation = await api.http
      .post(url('organisations'))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ name: 'Public health office', kind: 'local_authority' })
      .expect(201);
    const indicator = await api.http
      .post(url('indicators'))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({
        code: `H-${randomUUID().slice(0, 6)}`,
        right: 'health',
        type: 'outcome',
        direction: 'lower_is_better',
        frameworkRefs: [{ framework: 'SDG', code: '3.2.1' }],
        status: 'active',
        ...definition,
      })
      .expect(201);
    const indicatorId = indicator.body.id as string;
    let upload = api.http
      .post(url('imports'))
      .auth(official.accessToken, { type: 'bearer' })
      .field('indicatorId', indicatorId)
      .field('organisationId', organisation.body.id as string);
    if (mapping !== undefined) upload = upload.field('mapping', JSON.stringify(mapping));
    const imported = await upload.attach('file', fixture(file), file).expect(201);
    const result = imported.body as Report;
    expect(result.ok).toBe(true);
    for (const submission of result.submissions) {
      await api.http
        .post(url(`submissions/${submission.id}/validate`))
        .auth(reviewer.accessToken, { type: 'bearer' })
        .set('If-Match', '1')
        .send()
        .expect(200);
    }
    await api.http
      .put(url(`indicators/${indicatorId}/publication`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ comparable: true, public: false })
      .expect(200);
    return result;
  };

  const get = async <T>(session: Session, url: string, done: (body: T) => boolean): Promise<T> => {
    const deadline = Date.now() + RECOMPUTE_WITHIN_MS;
    for (;;) {
      const res = await api.http.get(url).auth(session.accessToken, { type: 'bearer' }).expect(200);
      if (done(res.body as T) || Date.now() > deadline) return res.body as T;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    cities.bristol = await onboard('Bristol');
    cities.valencia = await onboard('València');
    const bristol = await report(
      'bristol',
      {
        name: 'Infant mortality rate',
        description: 'Deaths of infants under 1 year per 1,000 live births',
        unit: 'per 1000 live births',
        disaggregations: [],
      },
      'Bristol_indicator_3-2-1.csv',
    );
    expect(bristol.submissions.map((s) => s.period).sort()).toEqual(YEARS);
    const valencia = await report(
      'valencia',
      {
        name: 'Under-5 mortality rate',
        description: 'Deaths of children under 5 years per 1,000 live births',
        unit: 'per 1000 live births',
        disaggregations: [
          { dimension: 'sex', values: ['F', 'M'] },
          { dimension: 'district', values: [] },
        ],
      },
      'Valencia_indicator_3-2-1.csv',
      { columns: { Sexe: 'sex', GeoCode: 'district' }, values: { sex: { Dona: 'F', Home: 'M' } } },
    );
    expect(valencia.submissions).toHaveLength(12);
  }, 60_000);
  afterAll(() => api.close());

  it('shows both series side by side for 2010–2019, saying that the definitions differ', async () => {
    const { bristol, valencia } = cities;
    const both = `${bristol.city.slug},${valencia.city.slug}`;
    const series = await get<SeriesView>(
      bristol.coordinator,
      `/v1/comparisons/series?framework=SDG&code=3.2.1&from=2010&to=2019&cities=${both}`,
      (body) => body.cities.length === 2 && body.cities.every((c) => c.points.length === YEARS.length),
    );
    expect(series.periods).toEqual(YEARS);
    expect(series.cities.map((c) => [c.city, c.cityName, c.unit])).toEqual([
      [bristol.city.slug, 'Bristol', 'per 1000 live births'],
      [valencia.city.slug, 'València', 'per 1000 live births'],
    ]);
    const files = {
      [bristol.city.slug]: headline(fixture('Bristol_indicator_3-2-1.csv')),
      [valencia.city.slug]: headline(fixture('Valencia_indicator_3-2-1.csv')),
    };
    for (const city of series.cities) {
      expect(city.points.map((p) => [p.period, p.value])).toEqual(
        YEARS.map((year) => [year, files[city.city].get(year)]),
      );
      const definition = city.comparability.caveats.find((c) => c.code === 'DEFINITION_DIFFERS');
      expect(definition?.message).toMatch(/Definition differs/);
      expect(city.comparability.comparable).toBe(false);
    }
    // Spot checks against the files themselves.
    expect(series.cities[0].points.find((p) => p.period === '2015')?.value).toBe(3.8);
    expect(series.cities[1].points.find((p) => p.period === '2015')?.value).toBe(1.27);

    const csv = await api.http
      .get(`/v1/comparisons/series?framework=SDG&code=3.2.1&from=2010&to=2019&cities=${both}&format=csv`)
      .auth(valencia.coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    const lines = parse<Record<string, string>>(csv.text, { columns: true });
    expect(lines).toHaveLength(20);
    expect(lines.every((l) => l.caveats.split(';').includes('DEFINITION_DIFFERS'))).toBe(true);
  });

  it('withholds the ranking where the score says the rows are not comparable', async () => {
    const { bristol, valencia } = cities;
    const comparison = await get<Comparison>(
      valencia.official,
      `/v1/comparisons?framework=SDG&code=3.2.1&period=2015&cities=${bristol.city.slug},${valencia.city.slug}`,
      (body) => body.rows.length === 2,
    );
    expect(comparison.rows.map((r) => [r.city, r.value])).toEqual([
      [bristol.city.slug, 3.8],
      [valencia.city.slug, 1.27],
    ]);
    for (const row of comparison.rows) {
      expect(row).not.toHaveProperty('rank');
      expect(row.comparability.comparable).toBe(false);
    }
    // Without the city filter too.
    const all = await get<Comparison>(
      bristol.official,
      '/v1/comparisons?framework=SDG&code=3.2.1&period=2015',
      (body) => body.rows.length >= 2,
    );
    expect(all.rows.every((row) => row.rank === undefined)).toBe(true);
  });
});
