import { csvNumber, csvText } from '@rl/kernel';
import { PublicSeriesView } from './public-series.view';

const CRLF = '\r\n';

// Open SDG data CSV: Year first, one column per disaggregation (blank: the total), the attribute
// columns our Open SDG import reads as attributes (Units, Series, Observation status, GeoCode before
// the value) and Value last. Suppressed cells have a blank Value (which an import skips) and status Q.
export function openSdgCsv(series: PublicSeriesView): string {
  const { dimensions, unit, code } = series.indicator;
  const header = ['Year', ...dimensions, 'Units', 'Series', 'Observation status', 'GeoCode', 'Value'];
  const lines = [header.map(csvText).join(',')];
  for (const o of series.observations) {
    lines.push(
      [
        ...[o.period, ...dimensions.map((d) => o.disaggregation[d] ?? ''), unit, code, o.obsStatus].map(
          csvText,
        ),
        csvText(series.city.slug),
        csvNumber(o.value),
      ].join(','),
    );
  }
  return lines.join(CRLF) + CRLF;
}

// The SDG numbering of the first SDG framework reference (SDG:11.1.1), if any.
function sdgNumbers(frameworkRefs: readonly string[]): Record<string, string> {
  const ref = frameworkRefs.map((r) => /^SDG:(\d{1,2})\.(\w{1,2})\.(\w{1,2})$/i.exec(r)).find(Boolean);
  if (!ref) return {};
  const [, goal, target, indicator] = ref;
  return {
    indicator_number: `${goal}.${target}.${indicator}`,
    goal_number: goal,
    target_number: `${goal}.${target}`,
  };
}

// A JSON string is a valid YAML double-quoted scalar, so a flat front matter needs no YAML library.
const yamlScalar = (v: string | boolean) => (typeof v === 'boolean' ? String(v) : JSON.stringify(v));

// Open SDG indicator metadata: YAML front matter with the SDG metadata keys, then the description as
// Markdown.
export function openSdgMeta(series: PublicSeriesView): string {
  const { indicator, city } = series;
  const fields: Record<string, string | boolean> = {
    ...sdgNumbers(indicator.frameworkRefs),
    indicator_name: indicator.name,
    computation_units: indicator.unit,
    source_active_1: indicator.sources.length > 0,
    source_organisation_1: indicator.sources[0] ?? city.name,
    national_geographical_coverage: city.name,
    reporting_status: series.observations.length > 0 ? 'complete' : 'notstarted',
    data_non_statistical: false,
    graph_type: 'line',
    copyright: indicator.licence,
    local_indicator_code: indicator.code,
    definition_version: String(indicator.definitionVersion),
  };
  const front = Object.entries(fields).map(([k, v]) => `${k}: ${yamlScalar(v)}`);
  const body = [`# ${indicator.name}`, '', indicator.description ?? ''].join('\n');
  return ['---', ...front, '---', body, ''].join('\n');
}
