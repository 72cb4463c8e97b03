import { csvNumber, csvText } from '@rl/kernel';
import type { SeriesComparison } from '../domain/series';

// Long format, one line per city and period, RFC 4180 (CRLF, quoted where needed). The columns the
// brief asked for come first; city_name and status follow so existing readers keep their positions.
const CSV_HEADER = [
  'city',
  'period',
  'value',
  'unit',
  'normalised_value',
  'normalised_unit',
  'comparability_score',
  'caveats',
  'city_name',
  'status',
];

export function seriesToCsv(series: SeriesComparison): string {
  const lines = [CSV_HEADER.join(',')];
  for (const city of series.cities) {
    for (const point of city.points) {
      lines.push(
        [
          csvText(city.city),
          csvText(point.period),
          csvNumber(point.value),
          csvText(city.unit),
          csvNumber(point.normalisedValue),
          csvText(point.normalisedValue === null ? '' : (city.normalisedUnit ?? '')),
          csvNumber(city.comparability.score),
          csvText(city.comparability.caveats.map((c) => c.code).join(';')),
          csvText(city.cityName),
          csvText(point.status),
        ].join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
