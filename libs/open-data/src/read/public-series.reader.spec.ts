import { AppConfig } from '@rl/config';
import { StoredObservation } from '../domain/series';
import { PublishedSeriesRow } from '../persistence/published-series.repository';
import { InMemoryPublishedSeries } from '../testing/in-memory-published-series';
import { EXPORT_FORMATS } from './export-formats';
import { PublicSeriesReader, totalKey } from './public-series.reader';

const config = {
  openData: { disclosureMinCount: 5 },
  publicReads: { licenceUrl: 'https://creativecommons.org/licenses/by/4.0/', rateLimitPerMinute: 300 },
} as AppConfig;
const cityId = '0192f0aa-0000-7000-8000-0000000000c1';
const cell = (disaggregation: Record<string, string>, value: number, period = '2024'): StoredObservation => ({
  period,
  disaggregation,
  value,
  status: 'normal',
  definitionVersion: 1,
  series: 1,
  source: '=HYPERLINK("x")',
});
const row = (code: string, unit: string, observations: StoredObservation[]): PublishedSeriesRow => ({
  cityId,
  citySlug: 'ghent',
  cityName: 'Ghent',
  indicatorId: `id-${code}`,
  definition: { indicatorCode: code, name: code, unit, dimensions: ['sex'] },
  frameworkRefs: [],
  rule: null,
  sdmxMapping: null,
  observations,
});
const bySex = [cell({}, 40), cell({ sex: 'F' }, 3), cell({ sex: 'M' }, 37)];

describe('PublicSeriesReader', () => {
  const series = new InMemoryPublishedSeries()
    .given(row('COUNT', 'count', bySex))
    .given(row('RATE', 'percent', bySex))
    .given(row('SMALL', 'count', [cell({}, 2)]))
    .given(row('SHARED', 'count', bySex), 'members');
  const reader = new PublicSeriesReader(series, config);

  it('suppresses small counts under the default rule, blank and Q, for the public', async () => {
    const view = await reader.read('ghent', 'COUNT', 'public');
    expect(view.disclosure).toEqual({ minCount: 5, secondary: true, origin: 'default' });
    expect(view.observations.map((o) => [o.value, o.obsStatus, o.suppressed])).toEqual([
      [40, 'A', null],
      [null, 'Q', null],
      [null, 'Q', null],
    ]);
  });

  it('gives members the values, each marked as the public output hides it', async () => {
    const view = await reader.read('ghent', 'COUNT', 'members');
    expect(view.observations.map((o) => [o.value, o.suppressed])).toEqual([
      [40, null],
      [3, 'primary'],
      [37, 'secondary'],
    ]);
  });

  it('applies no default to a rate: its numerator is not in the data', async () => {
    const view = await reader.read('ghent', 'RATE', 'public');
    expect(view.disclosure.origin).toBe('none');
    expect(view.observations.map((o) => o.value)).toEqual([40, 3, 37]);
  });

  it('says not found for an unknown or comparable-only indicator (public)', async () => {
    await expect(reader.read('ghent', 'NOPE', 'public')).rejects.toMatchObject({
      code: 'OPEN_DATA.NOT_FOUND',
    });
    await expect(reader.read('ghent', 'SHARED', 'public')).rejects.toMatchObject({
      code: 'OPEN_DATA.NOT_FOUND',
    });
    await expect(reader.read('padua', 'COUNT', 'public')).rejects.toMatchObject({
      code: 'OPEN_DATA.NOT_FOUND',
    });
  });

  it('names the latest values a public list must blank', async () => {
    const hidden = await reader.hiddenHeadlines(cityId, [
      { indicatorId: 'id-COUNT', unit: 'count', period: '2024' },
      { indicatorId: 'id-SMALL', unit: 'count', period: '2024' },
    ]);
    expect([...hidden]).toEqual(['id-SMALL']);
  });

  it("hides a comparable-only indicator's small total from members' outputs too", async () => {
    const totals = [
      { cityId, indicatorId: 'id-SHARED', unit: 'count', period: '2024' },
      { cityId, indicatorId: 'id-SMALL', unit: 'count', period: '2024' },
      { cityId, indicatorId: 'id-SMALL', unit: 'count', period: '2023' },
    ];
    expect([...(await reader.hiddenTotals(totals, 'members'))]).toEqual([totalKey(totals[1])]);
    const small = row('SHARED', 'count', [cell({}, 2)]);
    const members = new PublicSeriesReader(new InMemoryPublishedSeries().given(small, 'members'), config);
    expect([...(await members.hiddenTotals(totals.slice(0, 1), 'members'))]).toEqual([totalKey(totals[0])]);
    expect([...(await members.hiddenTotals(totals.slice(0, 1), 'public'))]).toEqual([]);
  });

  it('writes CSV with a column per dimension, blanks for totals and suppressed values, and no formulas', async () => {
    const csv = EXPORT_FORMATS.csv.render(await reader.read('ghent', 'COUNT', 'public'));
    expect(csv.split('\r\n')).toEqual([
      'period,sex,value,unit,obs_status,definition_version,series_break,source',
      `2024,,40,count,A,1,1,"'=HYPERLINK(""x"")"`,
      `2024,F,,count,Q,1,1,"'=HYPERLINK(""x"")"`,
      `2024,M,,count,Q,1,1,"'=HYPERLINK(""x"")"`,
      '',
    ]);
  });
});
