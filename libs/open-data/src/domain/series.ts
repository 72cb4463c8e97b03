import { Cell, DisclosureRule, suppress, Suppression } from './suppression';

// SDMX observation status (code list CL_OBS_STATUS), which Open SDG uses as well.
const OBS_STATUS: Record<string, string> = {
  normal: 'A',
  estimated: 'E',
  provisional: 'P',
  break: 'B',
  missing: 'M',
};
export const CONFIDENTIAL = 'Q' as const;

export type Audience = 'public' | 'members';

export interface StoredObservation extends Cell {
  status: string;
  definitionVersion: number;
  series: number;
  source: string | null;
}

export interface SeriesObservation {
  period: string;
  disaggregation: Record<string, string>;
  // Blank where a public output hides the cell.
  value: number | null;
  // SDMX OBS_STATUS: Q where hidden from the public.
  obsStatus: string;
  definitionVersion: number;
  // The series (break) number: it changes when the definition changed so much that values no longer compare.
  series: number;
  source: string | null;
  // Members only: why a public output hides the cell (primary: below the minimum; secondary: it would
  // give a primary one away). Public outputs say only Q, so the two kinds cannot be told apart.
  suppressed: Suppression;
}

// The rule an output applies: the indicator's own, else the configured default for counts. Other units
// have no default: a rate is only suppressible through its numerator, which the data does not carry.
export function effectiveRule(own: DisclosureRule | null, unit: string, defaultMinCount: number) {
  if (own) return own;
  return unit === 'count' ? { minCount: defaultMinCount, secondary: true } : null;
}

export function applyDisclosure(
  observations: readonly StoredObservation[],
  rule: DisclosureRule | null,
  audience: Audience,
): SeriesObservation[] {
  const marks = suppress(observations, rule);
  return observations.map((o, i) => {
    const hidden = marks[i] !== null && audience === 'public';
    return {
      period: o.period,
      disaggregation: o.disaggregation,
      value: hidden ? null : o.value,
      obsStatus: hidden ? CONFIDENTIAL : (OBS_STATUS[o.status] ?? 'A'),
      definitionVersion: o.definitionVersion,
      series: o.series,
      source: o.source,
      suppressed: audience === 'members' ? marks[i] : null,
    };
  });
}
