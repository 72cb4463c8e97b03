import { applyDisclosure } from '@rl/open-data';
import { ReportContent } from '../domain/report-content';

// A later correction of a value the report used: shown beside the report, never folded into its content.
export interface Erratum {
  indicatorCode: string;
  // The cell's series key ('' is the total), which identifies it within the period.
  key: string;
  period: string;
  disaggregation: Record<string, string>;
  oldValue: number | null;
  newValue: number | null;
  correctedAt: string;
  reason: string;
}

// As readers see an erratum (the key only identifies the cell in storage).
export type PublicErratum = Omit<Erratum, 'key'>;

// The cells of one (indicator, period) as a validation after the report's position set them.
export interface Revalidation {
  indicatorId: string;
  periodId: string;
  observations: { key: string; disaggregation: Record<string, string>; value: number; status: string }[];
  correctedAt: string;
  reason: string;
}

// The cells of the report a revalidation changed. Both sides are what the public sees: the new cells are
// suppressed with the rule the report used (within the period), so an erratum never reveals a hidden
// value; a cell hidden before and after is no erratum.
export function errataOf(content: ReportContent, revalidation: Revalidation): Erratum[] {
  const period = content.periods.find((p) => p.id === revalidation.periodId)?.code;
  const indicator = content.rights
    ?.flatMap((r) => r.indicators)
    .find((i) => i.id === revalidation.indicatorId);
  if (period === undefined || indicator === undefined) return [];
  const before = new Map(indicator.cells.filter((c) => c.period === period).map((c) => [c.key, c]));
  const stored = revalidation.observations.map((o) => ({
    ...o,
    period,
    definitionVersion: 1,
    series: 1,
    source: null,
  }));
  const shown = applyDisclosure(stored, indicator.disclosure, 'public');
  const after = new Map(revalidation.observations.map((o, i) => [o.key, shown[i]]));
  const errata: Erratum[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const oldValue = before.get(key)?.value ?? null;
    const newValue = after.get(key)?.value ?? null;
    if (oldValue === newValue) continue;
    errata.push({
      indicatorCode: indicator.code,
      key,
      period,
      disaggregation: before.get(key)?.disaggregation ?? after.get(key)?.disaggregation ?? {},
      oldValue,
      newValue,
      correctedAt: revalidation.correctedAt,
      reason: revalidation.reason,
    });
  }
  return errata;
}
