import { applyDisclosure, DisclosureRule, effectiveRule } from '@rl/open-data';
import { ReportContent, ReportIndicator } from '../domain/report-content';
import { ReportPin, Section } from '../domain/report.events';

// What the pinned read models hold for a report, as plain rows (read by ReportSources).
export interface SourceRows {
  city: { slug: string; name: string; locale: string };
  periods: { id: string; code: string }[];
  indicators: {
    id: string;
    code: string;
    name: Record<string, string>;
    right: string;
    unit: string;
    rule: DisclosureRule | null;
  }[];
  observations: {
    indicatorId: string;
    period: string;
    key: string;
    disaggregation: Record<string, string>;
    value: number;
    status: string;
    definitionVersion: number;
    series: number;
  }[];
  comments: { id: string; indicatorId: string; createdAt: string }[];
  valuesValidated: number;
  organisations: { id: string; name: string }[];
  completeness: {
    organisationId: string;
    expected: number;
    submitted: number;
    validated: number;
    late: number;
  }[];
  meetings: NonNullable<ReportContent['meetings']>;
  budget: (Omit<NonNullable<ReportContent['budget']>[number], 'indicators'> & { indicatorIds: string[] })[];
}

export interface ReportRequest {
  year: number;
  title: string;
  sections: Section[];
}

// The name in the city's language, else English, else the first one given.
export const nameIn = (name: Record<string, string>, locale: string): string =>
  name[locale] ?? name[locale.split('-')[0]] ?? name.en ?? Object.values(name)[0] ?? '';

// Periods of the year: those whose code starts with it (2024, 2024-Q1, 2024-03, 2024/25).
export const inYear = (code: string, year: number) => code.startsWith(String(year));
const upToYear = (code: string, year: number) => Number(code.slice(0, 4)) <= year;

function indicatorOf(
  indicator: SourceRows['indicators'][number],
  rows: SourceRows,
  request: ReportRequest,
  defaultMinCount: number,
): ReportIndicator {
  const rule = effectiveRule(indicator.rule, indicator.unit, defaultMinCount);
  // Suppressed over every period up to the year at once, so secondary suppression also covers the trend.
  const stored = rows.observations
    .filter((o) => o.indicatorId === indicator.id && upToYear(o.period, request.year))
    .sort((a, b) => a.period.localeCompare(b.period) || a.key.localeCompare(b.key));
  const shown = applyDisclosure(
    stored.map((o) => ({ ...o, source: null })),
    rule,
    'public',
  );
  const cells = stored.map((o, i) => ({ ...o, shown: shown[i] }));
  return {
    id: indicator.id,
    code: indicator.code,
    name: nameIn(indicator.name, rows.city.locale),
    unit: indicator.unit,
    disclosure: rule && { minCount: rule.minCount, secondary: rule.secondary },
    trend: cells
      .filter((c) => c.key === '')
      .map((c) => ({ period: c.period, value: c.shown.value, series: c.series })),
    cells: cells
      .filter((c) => inYear(c.period, request.year))
      .map((c) => ({
        period: c.period,
        key: c.key,
        disaggregation: c.disaggregation,
        value: c.shown.value,
        obsStatus: c.shown.obsStatus,
      })),
    comments: rows.comments
      .filter((c) => c.indicatorId === indicator.id)
      .map(({ id, createdAt }) => ({ id, createdAt })),
  };
}

// The report's content from the pinned rows: pure, so equal rows at equal pins give equal content (and
// hash). Only the pinned instant appears as a time; every list is in a stable order.
export function assembleContent(
  rows: SourceRows,
  request: ReportRequest,
  pin: ReportPin,
  defaultMinCount: number,
): ReportContent {
  const has = (section: Section) => request.sections.includes(section);
  const indicators = [...rows.indicators].sort((a, b) => a.code.localeCompare(b.code));
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const orgName = new Map(rows.organisations.map((o) => [o.id, o.name]));
  const rights = [...new Set(indicators.map((i) => i.right))].sort();
  return {
    city: rows.city,
    year: request.year,
    title: request.title,
    sections: request.sections,
    pin,
    periods: rows.periods
      .filter((p) => inYear(p.code, request.year))
      .sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id)),
    ...(has('summary') && {
      summary: {
        publicIndicators: indicators.length,
        valuesValidated: rows.valuesValidated,
        organisations: rows.organisations.length,
      },
    }),
    ...(has('indicators') && {
      rights: rights.map((right) => ({
        right,
        indicators: indicators
          .filter((i) => i.right === right)
          .map((i) => indicatorOf(i, rows, request, defaultMinCount)),
      })),
    }),
    ...(has('completeness') && {
      completeness: rows.completeness
        .map((c) => ({ ...c, organisation: orgName.get(c.organisationId) ?? '' }))
        .sort(
          (a, b) =>
            a.organisation.localeCompare(b.organisation) || a.organisationId.localeCompare(b.organisationId),
        ),
    }),
    ...(has('meetings') && {
      meetings: [...rows.meetings].sort(
        (a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id),
      ),
    }),
    ...(has('budget') && {
      budget: rows.budget
        .map(({ indicatorIds, ...line }) => ({
          ...line,
          indicators: indicatorIds.flatMap((id) => codeOf.get(id) ?? []).sort(),
        }))
        .sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id)),
    }),
  };
}
