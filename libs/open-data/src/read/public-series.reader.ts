import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { applyDisclosure, Audience, effectiveRule } from '../domain/series';
import { SdmxMapping } from '../domain/sdmx-mapping';
import { suppress } from '../domain/suppression';
import { OpenDataErrors } from '../domain/open-data.errors';
import { PublishedSeries } from '../persistence/published-series.repository';
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
  // export hides: the same rule and the same secondary suppression over that period's breakdowns.
  async hiddenHeadlines(
    cityId: string,
    headlines: { indicatorId: string; unit: string; period: string }[],
  ): Promise<Set<string>> {
    if (headlines.length === 0) return new Set();
    const unitOf = new Map(headlines.map((h) => [h.indicatorId, h.unit]));
    const hidden = new Set<string>();
    for (const { indicatorId, rule, cells } of await this.series.periodCells(cityId, headlines)) {
      const effective = effectiveRule(
        rule,
        unitOf.get(indicatorId) ?? '',
        this.config.openData.disclosureMinCount,
      );
      const marks = suppress(cells, effective);
      const total = cells.findIndex((c) => Object.keys(c.disaggregation).length === 0);
      if (total >= 0 && marks[total]) hidden.add(indicatorId);
    }
    return hidden;
  }
}
