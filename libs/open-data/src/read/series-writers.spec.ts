import { SdmxMapping, SDG_DIMENSIONS, unmappedOf } from '../domain/sdmx-mapping';
import { openSdgCsv, openSdgMeta } from './open-sdg';
import { PublicSeriesView, SeriesObservationView } from './public-series.view';
import { SDG_DSD, sdmxCsv } from './sdmx-csv';

const obs = (
  disaggregation: Record<string, string>,
  value: number | null,
  period = '2024',
): SeriesObservationView => ({
  period,
  disaggregation,
  value,
  obsStatus: value === null ? 'Q' : 'A',
  definitionVersion: 1,
  series: 1,
  source: null,
  suppressed: null,
});
const series: PublicSeriesView = {
  city: { slug: 'ghent', name: 'Ghent' },
  indicator: {
    code: 'GH-HOMELESS',
    name: 'People sleeping rough: "count"',
    description: 'Point-in-time count',
    unit: 'count',
    definitionVersion: 1,
    dimensions: ['Sexe'],
    frameworkRefs: ['SDG:11.1.1'],
    sources: ['Street count'],
    licence: 'CC-BY-4.0',
  },
  disclosure: { minCount: 5, secondary: true, origin: 'default' },
  observations: [
    obs({}, 40),
    obs({ Sexe: 'Dona' }, null),
    obs({ Sexe: 'Home' }, -2.5, '2024-Q1'),
    obs({}, 41, '2023/24'),
  ],
};
const mapping: SdmxMapping = {
  series: 'SP_HOMELESS',
  refArea: 'BE_GNT',
  unitMeasure: 'NUMBER',
  dimensions: { Sexe: { code: 'SEX', values: { Dona: 'F', Home: 'M' } } },
};
const rows = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));

describe('sdmxCsv', () => {
  const [header, ...data] = rows(sdmxCsv(series, mapping));

  it('writes the SDMX-CSV 2.0 columns, the SDG dimensions in DSD order, then the value and attributes', () => {
    expect(header.slice(0, 3)).toEqual(['STRUCTURE', 'STRUCTURE_ID', 'ACTION']);
    expect(header.slice(3, 3 + SDG_DIMENSIONS.length)).toEqual([...SDG_DIMENSIONS]);
    expect(header.slice(3 + SDG_DIMENSIONS.length)).toEqual([
      'OBS_VALUE',
      'UNIT_MEASURE',
      'UNIT_MULT',
      'OBS_STATUS',
    ]);
    expect(data.every((r) => r.length === header.length)).toBe(true);
  });

  it('never leaves a dimension blank: _T for totals and for dimensions the indicator lacks', () => {
    const dims = (r: string[]) => SDG_DIMENSIONS.map((d) => r[header.indexOf(d)]);
    for (const r of data) expect(dims(r)).not.toContain('');
    const col = (r: string[], c: string) => r[header.indexOf(c)];
    expect(data.map((r) => col(r, 'SEX'))).toEqual(['_T', 'F', 'M', '_T']);
    expect(data.map((r) => col(r, 'AGE'))).toEqual(['_T', '_T', '_T', '_T']);
    expect(data.map((r) => [col(r, 'STRUCTURE'), col(r, 'STRUCTURE_ID'), col(r, 'ACTION')])).toEqual(
      Array(4).fill(['datastructure', SDG_DSD, 'I']),
    );
  });

  it('writes SDMX time periods: years, quarters, and a year span as a time range over both years', () => {
    const col = (r: string[], c: string) => r[header.indexOf(c)];
    expect(data.map((r) => [col(r, 'FREQ'), col(r, 'TIME_PERIOD')])).toEqual([
      ['A', '2024'],
      ['A', '2024'],
      ['Q', '2024-Q1'],
      ['A', '2023-01-01/P2Y'],
    ]);
  });

  it('blanks a suppressed value with OBS_STATUS Q and keeps numbers unquoted', () => {
    const col = (r: string[], c: string) => r[header.indexOf(c)];
    expect(data.map((r) => [col(r, 'OBS_VALUE'), col(r, 'OBS_STATUS')])).toEqual([
      ['40', 'A'],
      ['', 'Q'],
      ['-2.5', 'A'],
      ['41', 'A'],
    ]);
    expect(data.map((r) => col(r, 'UNIT_MULT'))).toEqual(['0', '0', '0', '0']);
  });
});

describe('unmappedOf', () => {
  it('lists every unmapped dimension and every unmapped value found in the data', () => {
    const partial = { ...mapping, dimensions: { Sexe: { code: 'SEX', values: { Home: 'M' } } } };
    expect(unmappedOf(partial, ['Sexe', 'Edat'], [...series.observations, obs({ Edat: '0-17' }, 1)])).toEqual(
      ['Sexe: Dona', 'dimension Edat'],
    );
    expect(unmappedOf(mapping, ['Sexe'], series.observations)).toEqual([]);
    expect(unmappedOf(null, [], [])).toHaveLength(1);
  });
});

describe('openSdgCsv', () => {
  it('puts Year first, the disaggregations (blank: total), Units/Series, GeoCode before Value, Value last', () => {
    expect(openSdgCsv(series).split('\r\n')).toEqual([
      'Year,Sexe,Units,Series,Observation status,GeoCode,Value',
      '2024,,count,GH-HOMELESS,A,ghent,40',
      '2024,Dona,count,GH-HOMELESS,Q,ghent,',
      '2024-Q1,Home,count,GH-HOMELESS,A,ghent,-2.5',
      '2023/24,,count,GH-HOMELESS,A,ghent,41',
      '',
    ]);
  });
});

describe('openSdgMeta', () => {
  it('writes YAML front matter with the SDG metadata keys, then Markdown', () => {
    const meta = openSdgMeta(series);
    const [, front, body] = meta.split(/^---$/m);
    const keys = Object.fromEntries(
      front
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf(':')), JSON.parse(l.slice(l.indexOf(':') + 1))]),
    );
    expect(keys).toMatchObject({
      indicator_number: '11.1.1',
      goal_number: '11',
      target_number: '11.1',
      indicator_name: 'People sleeping rough: "count"',
      computation_units: 'count',
      source_organisation_1: 'Street count',
      national_geographical_coverage: 'Ghent',
      reporting_status: 'complete',
      data_non_statistical: false,
    });
    expect(body).toContain('# People sleeping rough');
  });
});
