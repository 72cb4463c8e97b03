import { compareSeries, SeriesComparison } from '../domain/series';
import { bristol, valencia, value } from '../domain/testing/comparison-factories';
import { seriesToCsv } from './comparison-csv';

describe('seriesToCsv', () => {
  const series: SeriesComparison = {
    periods: ['2019', '2019/20'],
    cities: [
      {
        city: 'bristol',
        cityName: 'Bristol, City of',
        unit: 'per 1,000 live births',
        normalisedUnit: 'per 1,000 live births',
        comparability: { score: 1, comparable: true, caveats: [] },
        points: [{ period: '2019', value: 3.4, normalisedValue: 3.4, status: 'normal' }],
      },
      {
        city: 'ghent',
        cityName: 'The "Big" Ghent',
        unit: '=per 100 live births',
        normalisedUnit: null,
        comparability: {
          score: 0,
          comparable: false,
          caveats: [
            { code: 'UNIT_INCOMPATIBLE', message: 'x' },
            { code: 'ESTIMATED', message: 'y' },
          ],
        },
        points: [{ period: '2019/20', value: -0.25, normalisedValue: null, status: 'estimated' }],
      },
    ],
  };

  it('writes one RFC 4180 line per city and period, in long format', () => {
    expect(seriesToCsv(series)).toBe(
      [
        'city,period,value,unit,normalised_value,normalised_unit,comparability_score,caveats,city_name,status',
        'bristol,2019,3.4,"per 1,000 live births",3.4,"per 1,000 live births",1,,"Bristol, City of",normal',
        `ghent,2019/20,-0.25,'=per 100 live births,,,0,UNIT_INCOMPATIBLE;ESTIMATED,"The ""Big"" Ghent",estimated`,
        '',
      ].join('\r\n'),
    );
  });

  it('writes what compareSeries returns', () => {
    const csv = seriesToCsv(
      compareSeries({
        definitions: [bristol, valencia],
        values: [value(bristol, '2015', 3.4), value(valencia, '2015', 3.1)],
        population: [],
      }),
    );

    expect(csv.split('\r\n')).toEqual([
      'city,period,value,unit,normalised_value,normalised_unit,comparability_score,caveats,city_name,status',
      'bristol,2015,3.4,per 1000 live births,3.4,per 1000 live births,0.55,DEFINITION_DIFFERS,Bristol,normal',
      'valencia,2015,3.1,per 1000 live births,3.1,per 1000 live births,0.55,DEFINITION_DIFFERS,València,normal',
      '',
    ]);
  });
});
