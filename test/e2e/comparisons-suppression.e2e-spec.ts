import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { ApiHarness, cityWithPeople, CityWithPeople, eventually, fixtures, Session } from '../support';

// Small-number suppression in comparisons: Ghent's 2023 value is below its indicator's disclosure rule.
// Anonymous readers and members of any city (Ghent's own included: comparisons are not the city's data
// routes) see it blank with status Q and unranked, Padua ranked alone, and no trend of Ghent's 2024
// value from it. The rule is set after the comparison was computed: suppression applies when read.

interface Row {
  city: string;
  value: number | null;
  status?: string;
  rank?: number;
  normalisedValue: number | null;
  trend: { previousPeriod: string; change: number } | null;
  distanceToTarget: number | null;
}
interface Comparison {
  rows: Row[];
}
interface Series {
  cities: { city: string; points: { period: string; value: number | null; status: string }[] }[];
}

describe('Comparisons hide what small-number suppression hides', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let ghentIndicator: string;
  const code = `SUP-${randomUUID().slice(0, 8)}`;

  const compare = (session: Session | null, period: string, path = '', extra = '') => {
    const url = `/v1/${session ? '' : 'public/'}comparisons${path}?framework=other&code=${code}${period}${extra}`;
    const req = api.http.get(url);
    return session ? req.auth(session.accessToken, { type: 'bearer' }) : req;
  };
  const rowsOf = async (session: Session | null, period: string) => {
    const res = await compare(session, `&period=${period}`).expect(200);
    return (res.body as Comparison).rows;
  };
  const rowOf = (rows: Row[], site: CityWithPeople) => rows.find((r) => r.city === site.city.slug);

  const setUp = async (site: CityWithPeople, values: Record<string, number>) => {
    const reviewer = await api.member(operator, site.city, 'official');
    const indicator = await fixtures.indicator(site.as(site.coordinator), {
      name: 'Households evicted (illustrative)',
      unit: 'percent',
      direction: 'lower_is_better',
      frameworkRefs: [{ framework: 'other', code }],
      status: 'active',
    });
    for (const [period, value] of Object.entries(values)) {
      const periodId = await fixtures.period(site.as(site.coordinator), period);
      await fixtures.validated(site.as(site.official), site.as(reviewer), {
        indicatorId: indicator.id,
        periodId,
        organisationId: site.organisationId,
        observations: [{ disaggregation: {}, value }],
      });
    }
    await site
      .as(site.coordinator)
      .put(`indicators/${indicator.id}/publication`)
      .send({ comparable: true, public: true })
      .expect(200);
    return indicator.id;
  };

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await cityWithPeople(api, operator, 'Ghent');
    padua = await cityWithPeople(api, operator, 'Padua');
    ghentIndicator = await setUp(ghent, { '2023': 3, '2024': 40 });
    await setUp(padua, { '2023': 20, '2024': 25 });
  }, 90_000);
  afterAll(() => api.close());

  it('shows the value until the city sets a rule, then blank with Q and unranked, under a new ETag', async () => {
    const before = await eventually('both cities ranked for 2023', async () => {
      const res = await compare(null, '&period=2023');
      const rows = (res.body as Comparison).rows;
      return rows.length === 2 && rowOf(rows, ghent)?.rank === 1 ? res : undefined;
    });
    await ghent
      .as(ghent.coordinator)
      .put(`indicators/${ghentIndicator}/disclosure`)
      .send({ minCount: 5, secondary: true })
      .expect(200);
    const rows = await eventually('the suppressed row', async () => {
      const found = await rowsOf(null, '2023');
      return rowOf(found, ghent)?.status === 'Q' ? found : undefined;
    });
    expect(rows).toEqual([
      expect.objectContaining({ city: padua.city.slug, value: 20, rank: 1 }),
      expect.objectContaining({
        city: ghent.city.slug,
        value: null,
        status: 'Q',
        normalisedValue: null,
        trend: null,
        distanceToTarget: null,
      }),
    ]);
    expect(rowOf(rows, ghent)).not.toHaveProperty('rank');
    await compare(null, '&period=2023').set('If-None-Match', before.headers.etag).expect(200);
  });

  it("hides it from members of any city too, and ranks the city's visible value without a trend from it", async () => {
    for (const session of [padua.coordinator, ghent.official]) {
      const rows = await rowsOf(session, '2023');
      expect(rowOf(rows, ghent)).toEqual(expect.objectContaining({ value: null, status: 'Q', trend: null }));
      expect(rowOf(rows, ghent)).not.toHaveProperty('rank');
      expect(rowOf(rows, padua)).toEqual(expect.objectContaining({ value: 20, rank: 1 }));
    }
    const rows2024 = await rowsOf(null, '2024');
    expect(rowOf(rows2024, ghent)).toEqual(expect.objectContaining({ value: 40, rank: 2, trend: null }));
    expect(rowOf(rows2024, padua)).toEqual(
      expect.objectContaining({ value: 25, rank: 1, trend: { previousPeriod: '2023', change: 5 } }),
    );
    expect(rowOf(rows2024, ghent)).not.toHaveProperty('status');
  });

  it('leaves the suppressed point of a series blank (Q), in JSON and CSV, for either audience', async () => {
    for (const session of [null, padua.coordinator]) {
      const series = (await compare(session, '', '/series').expect(200)).body as Series;
      const points = series.cities.find((c) => c.city === ghent.city.slug)?.points;
      expect(points).toEqual([
        { period: '2023', value: null, normalisedValue: null, status: 'Q' },
        expect.objectContaining({ period: '2024', value: 40 }),
      ]);
    }
    const csv = await compare(null, '', '/series', '&format=csv').expect(200);
    const lines = parse<Record<string, string>>(csv.text, { columns: true });
    expect(lines.find((l) => l.city === ghent.city.slug && l.period === '2023')).toEqual(
      expect.objectContaining({ value: '', normalised_value: '', status: 'Q' }),
    );
    expect(lines.find((l) => l.city === padua.city.slug && l.period === '2023')).toEqual(
      expect.objectContaining({ value: '20' }),
    );
  });
});
