import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { applyDisclosure, Audience, effectiveRule } from '../domain/series';
import { SdmxMapping } from '../domain/sdmx-mapping';
import { suppress } from '../domain/suppression';
import { OpenDataErrors } from '../domain/open-data.errors';
import { PeriodOf, PublishedSeries } from '../persistence/published-series.repository';
import { PublicSeriesView } from './public-series.view';

// The one reader of a city's published series, for every public output (CSV/JSON exports here; SDMX,
// Open SDG, pages, charts and reports call it too): the indicator's metadata and its validated
// observations with small numbers suppressed for the public. Members (signed-in users) get the values
// unsuppressed, each cell marked with the suppression a public output applies to it.
@Injectable()
export class PublicSeriesReader {
  constructor(
    private readonly series: PublishedSeries,
    private readonly config: AppConfig,
  ) {}

  async read(citySlug: string, indicatorCode: string, audience: Audience): Promise<PublicSeriesView> {
    return (await this.readForExport(citySlug, indicatorCode, audience)).series;
  }

  // The series and what an export needs besides it: the indicator's SDMX mapping.
  async readForExport(
    citySlug: string,
    indicatorCode: string,
    audience: Audience,
  ): Promise<{ series: PublicSeriesView; sdmxMapping: SdmxMapping | null }> {
    const found = await this.series.find(citySlug, indicatorCode, audience);
    if (!found)
      throw OpenDataErrors.NOT_FOUND({ message: `No public indicator ${indicatorCode} in this city` });
    const d = found.definition;
    const rule = effectiveRule(found.rule, d.unit, this.config.openData.disclosureMinCount);
    const sources = [...new Set(found.observations.map((o) => o.source).filter((s): s is string => !!s))];
    const seen = found.observations.flatMap((o) => Object.keys(o.disaggregation));
    const series: PublicSeriesView = {
      city: { slug: found.citySlug, name: found.cityName },
      indicator: {
        code: d.indicatorCode,
        name: d.name,
        description: d.description ?? null,
        unit: d.unit,
        definitionVersion: Math.max(1, ...found.observations.map((o) => o.definitionVersion)),
        // Dimensions of older definitions stay, after the current ones, so no column is lost.
        dimensions: [...new Set([...(d.dimensions ?? []), ...seen.sort()])],
        frameworkRefs: found.frameworkRefs,
        sources,
        licence: this.config.publicReads.licenceUrl,
      },
      disclosure: {
        minCount: rule?.minCount ?? null,
        secondary: rule?.secondary ?? false,
        origin: found.rule ? 'indicator' : rule ? 'default' : 'none',
      },
      observations: applyDisclosure(found.observations, rule, audience),
    };
    return { series, sdmxMapping: found.sdmxMapping };
  }

  // Of the latest values a public list shows (the total of one period per indicator), those a public
  // export hides.
  async hiddenHeadlines(
    cityId: string,
    headlines: { indicatorId: string; unit: string; period: string }[],
  ): Promise<Set<string>> {
    const totals = headlines.map((h) => ({ ...h, cityId }));
    const hidden = await this.hiddenTotals(totals, 'public');
    return new Set(totals.filter((t) => hidden.has(totalKey(t))).map((t) => t.indicatorId));
  }

  // Of the given totals (a city's indicator and period each), those an output for the audience hides,
  // as totalKey()s: the indicator's rule and its secondary suppression over the breakdowns of that
  // period the audience's reader sees.
  async hiddenTotals(totals: (PeriodOf & { unit: string })[], audience: Audience): Promise<Set<string>> {
    if (totals.length === 0) return new Set();
    const unitOf = new Map(totals.map((t) => [t.indicatorId, t.unit]));
    const hidden = new Set<string>();
    for (const { rule, cells, ...total } of await this.series.periodCells(totals, audience)) {
      const effective = effectiveRule(
        rule,
        unitOf.get(total.indicatorId) ?? '',
        this.config.openData.disclosureMinCount,
      );
      const marks = suppress(cells, effective);
      const at = cells.findIndex((c) => Object.keys(c.disaggregation).length === 0);
      if (at >= 0 && marks[at]) hidden.add(totalKey(total));
    }
    return hidden;
  }
}

export const totalKey = ({ cityId, indicatorId, period }: PeriodOf) => `${cityId}/${indicatorId}@${period}`;
