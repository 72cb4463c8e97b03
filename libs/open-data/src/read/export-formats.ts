import { csvNumber, csvText } from '@rl/kernel';
import { SdmxMapping, unmappedOf } from '../domain/sdmx-mapping';
import { SdmxErrors } from '../domain/sdmx-mapping.errors';
import { openSdgCsv } from './open-sdg';
import { PublicSeriesView } from './public-series.view';
import { SDMX_CSV_MEDIA_TYPE, sdmxCsv } from './sdmx-csv';

export interface ExportFormat {
  mediaType: string;
  extension: string;
  // SDMX-CSV needs the indicator's mapping and refuses (422 SDMX.UNMAPPED) what it does not code.
  render(series: PublicSeriesView, sdmxMapping?: SdmxMapping | null): string;
}

const CRLF = '\r\n';

// Columns of the CSV export; the dimension columns come between period and value, one per dimension.
const COLUMNS_BEFORE = [
  ['period', 'The reporting period (a year such as 2024, 2024-Q1, 2024-03 or a span 2023/24)'],
];
const COLUMNS_AFTER = [
  ['value', 'The validated value; blank where suppressed (obs_status Q)'],
  ['unit', 'Unit of measure of value'],
  [
    'obs_status',
    'SDMX OBS_STATUS: A normal, E estimated, P provisional, B break in series, M missing, Q confidential (small-number suppression)',
  ],
  ['definition_version', 'Version of the indicator definition the value was reported under'],
  [
    'series_break',
    'Series number: it changes where the definition changed so much that earlier values do not compare',
  ],
  ['source', 'Source the value was reported with'],
];

function csv(series: PublicSeriesView): string {
  const { dimensions, unit } = series.indicator;
  const header = [...COLUMNS_BEFORE.map(([c]) => c), ...dimensions, ...COLUMNS_AFTER.map(([c]) => c)];
  const lines = [header.map(csvText).join(',')];
  for (const o of series.observations) {
    lines.push(
      [
        csvText(o.period),
        ...dimensions.map((d) => csvText(o.disaggregation[d] ?? '')),
        csvNumber(o.value),
        csvText(unit),
        o.obsStatus,
        String(o.definitionVersion),
        String(o.series),
        csvText(o.source ?? ''),
      ].join(','),
    );
  }
  return lines.join(CRLF) + CRLF;
}

// The data dictionary that goes with a CSV export: one line per column, with the values it may take.
export function csvDictionary(series: PublicSeriesView): string {
  const { dimensions } = series.indicator;
  const valuesOf = (d: string) =>
    [...new Set(series.observations.map((o) => o.disaggregation[d]).filter(Boolean))].sort().join('; ');
  const rows = [
    ...COLUMNS_BEFORE.map(([c, description]) => [c, 'string', description, '']),
    ...dimensions.map((d) => [
      d,
      'string',
      `Disaggregation by ${d}; blank: all ${d} values together (the total)`,
      valuesOf(d),
    ]),
    ...COLUMNS_AFTER.map(([c, description]) => [
      c,
      c === 'value' ? 'number' : c.endsWith('version') || c === 'series_break' ? 'integer' : 'string',
      description,
      '',
    ]),
  ];
  const head = ['column', 'type', 'description', 'values'];
  return [head, ...rows].map((r) => r.map(csvText).join(',')).join(CRLF) + CRLF;
}

// An export never drops what the mapping does not code: it names it instead.
export function unmappedError(unmapped: string[]) {
  const shown = unmapped.slice(0, 20).join('; ') + (unmapped.length > 20 ? '; …' : '');
  return SdmxErrors.UNMAPPED({
    message: `Not coded by the SDMX mapping: ${shown}`,
    errors: unmapped.slice(0, 1_000).map((u) => ({ field: 'sdmxMapping', message: `unmapped ${u}` })),
  });
}

function sdmx(series: PublicSeriesView, mapping: SdmxMapping | null = null): string {
  const unmapped = unmappedOf(mapping, series.indicator.dimensions, series.observations);
  if (!mapping || unmapped.length > 0) throw unmappedError(unmapped);
  return sdmxCsv(series, mapping);
}

// The export formats by their `format` value.
export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  csv: { mediaType: 'text/csv; charset=utf-8', extension: 'csv', render: csv },
  json: { mediaType: 'application/json; charset=utf-8', extension: 'json', render: (s) => JSON.stringify(s) },
  'sdmx-csv': { mediaType: SDMX_CSV_MEDIA_TYPE, extension: 'csv', render: sdmx },
  'open-sdg': { mediaType: 'text/csv; charset=utf-8', extension: 'csv', render: openSdgCsv },
};

// The format an Accept header asks for when no `format` is given (SDMX clients send SDMX-CSV's type).
export function formatFromAccept(accept: string | undefined): string {
  const wanted = (accept ?? '').toLowerCase().replace(/\s+/g, '');
  return wanted.includes('application/vnd.sdmx.data+csv;version=2') ? 'sdmx-csv' : 'json';
}
