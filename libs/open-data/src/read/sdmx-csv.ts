import { csvNumber } from '@rl/kernel';
import { BREAKDOWN_DIMENSIONS, SdmxMapping } from '../domain/sdmx-mapping';
import { PublicSeriesView } from './public-series.view';

// SDMX-CSV 2.0.0 media type, as the SDMX REST specification writes it.
export const SDMX_CSV_MEDIA_TYPE = 'application/vnd.sdmx.data+csv; version=2.0.0';
// The global SDG data structure definition (agency IAEG-SDGs, id SDG, any 1.x version).
export const SDG_DSD = 'IAEG-SDGs:SDG(1.x)';
// SDMX code of a dimension with no breakdown (the total).
export const TOTAL = '_T';

const CRLF = '\r\n';

// SDMX frequency and time period of one of our period codes: 2024, 2024-Q1, 2024-03 or a span 2023/24.
// SDMX has no code like 2023/24: a span covers both calendar years it touches (see period-code.ts), so
// it becomes the SDMX time range 2023-01-01/P2Y; SDG data is annual, so its frequency stays A.
function timeOf(period: string): { freq: string; time: string } {
  if (/^\d{4}-Q[1-4]$/.test(period)) return { freq: 'Q', time: period };
  if (/^\d{4}-\d{2}$/.test(period)) return { freq: 'M', time: period };
  const span = /^(\d{4})\/\d{2}$/.exec(period);
  return { freq: 'A', time: span ? `${span[1]}-01-01/P2Y` : period };
}

// One SDMX-CSV 2.0 row per observation: STRUCTURE, STRUCTURE_ID, ACTION, the SDG dimensions in DSD
// order (never blank: _T where the observation has no breakdown), OBS_VALUE, then the attributes.
// Suppressed cells have a blank OBS_VALUE and OBS_STATUS Q (CL_OBS_STATUS: missing value; suppressed). The caller
// has checked with unmappedOf that the mapping covers every dimension and value; codes match
// SDMX_CODE_PATTERN, so no cell needs quoting.
export function sdmxCsv(series: PublicSeriesView, mapping: SdmxMapping): string {
  const codeOf = new Map<string, [string, Record<string, string>]>(
    Object.entries(mapping.dimensions).map(([local, m]) => [m.code, [local, m.values]]),
  );
  const header = [
    'STRUCTURE',
    'STRUCTURE_ID',
    'ACTION',
    'FREQ',
    'REPORTING_TYPE',
    'SERIES',
    'REF_AREA',
    ...BREAKDOWN_DIMENSIONS,
    'TIME_PERIOD',
    'OBS_VALUE',
    'UNIT_MEASURE',
    'UNIT_MULT',
    'OBS_STATUS',
  ];
  const lines = [header.join(',')];
  for (const o of series.observations) {
    const { freq, time } = timeOf(o.period);
    const breakdown = BREAKDOWN_DIMENSIONS.map((code) => {
      const local = codeOf.get(code);
      const value = local ? o.disaggregation[local[0]] : undefined;
      return value === undefined ? TOTAL : local![1][value];
    });
    lines.push(
      [
        'datastructure',
        SDG_DSD,
        'I',
        freq,
        'N',
        mapping.series,
        mapping.refArea,
        ...breakdown,
        time,
        csvNumber(o.value),
        mapping.unitMeasure,
        String(mapping.unitMult ?? 0),
        o.obsStatus,
      ].join(','),
    );
  }
  return lines.join(CRLF) + CRLF;
}
