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

const csvText = (text: string): string => {
  // Text a city typed (names, units) must not run as a spreadsheet formula on another city's desk.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const csvNumber = (n: number | null) => (n === null ? '' : String(n));

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
