import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { ChartPoint, chartPoints, chartWords, renderSvgChart, seriesBreaks } from '@rl/embed';
import { CONFIDENTIAL, OpenDataErrors, PublicSeriesReader, PublicSeriesView } from '@rl/open-data';
import { ReportsReader } from '@rl/reports';
import { CityErrors } from '@rl/tenancy';
import { CityPageView, IndicatorCard, TermView } from './render/city-page';
import { IndicatorPageView } from './render/indicator-page';
import { Messages, PageLanguage, pageLocale, pickLanguage } from './render/messages';
import { pageContext, PageContext } from './render/page-context';
import { renderCityPage } from './render/city-page';
import { renderIndicatorPage } from './render/indicator-page';
import {
  IndicatorDetails,
  PageCity,
  PublicComment,
  PublicPageSources,
} from './persistence/public-page-sources';

// The latest published annual reports a city page links (the rest are a page of the public list away).
const REPORTS_LISTED = 10;

// The public pages of a city, written on the server from what its public outputs read: the series as the
// public reader gives them (small numbers already blank), so a page never holds a number the open-data
// downloads hide.
@Injectable()
export class PublicPages {
  constructor(
    private readonly sources: PublicPageSources,
    private readonly reader: PublicSeriesReader,
    private readonly reports: ReportsReader,
    private readonly config: AppConfig,
  ) {}

  async cityPage(slug: string, path: string, asked?: PageLanguage): Promise<string> {
    const { city, ctx } = await this.open(slug, asked);
    const ids = await this.sources.publicIndicators(city.id);
    const details = await this.sources.details(city.id, [...ids.values()]);
    const terms = await this.termViews(city, ctx, details);
    const rights = new Map<string, IndicatorCard[]>();
    // One at a time: a city's pool is shared with everyone else's requests.
    for (const d of details) {
      const series = await this.reader.read(city.slug, d.code, 'public');
      const reported = totals(series).filter((p) => p.value !== null || p.suppressed);
      const card: IndicatorCard = {
        code: d.code,
        name: pickLanguage(d.name, ctx.language),
        unit: series.indicator.unit,
        latest: reported.at(-1) ?? null,
        previous: reported.at(-2) ?? null,
        submitters: d.submitters,
        terms: terms(d),
      };
      rights.set(d.right, [...(rights.get(d.right) ?? []), card]);
    }
    const published = await this.reports.list({ citySlug: city.slug }, { limit: REPORTS_LISTED });
    const view: CityPageView = {
      rights: [...rights].map(([right, indicators]) => ({ right, indicators })),
      reports: published.items.map(({ id, year, title }) => ({ id, year, title })),
    };
    return renderCityPage(ctx, view, path);
  }

  async indicatorPage(slug: string, code: string, path: string, asked?: PageLanguage): Promise<string> {
    const { city, ctx, locale } = await this.open(slug, asked);
    const id = (await this.sources.publicIndicators(city.id)).get(code);
    const [details] = id ? await this.sources.details(city.id, [id]) : [];
    if (!id || !details)
      throw OpenDataErrors.NOT_FOUND({ message: `No public indicator ${code} in this city` });
    const series = await this.reader.read(city.slug, code, 'public');
    const [terms, comments, datasets, projects] = await Promise.all([
      this.termViews(city, ctx, [details]),
      this.sources.comments(city.id, id),
      this.sources.datasets(city.id, id),
      this.sources.projects(city.id, id),
    ]);
    const name = pickLanguage(details.name, ctx.language);
    const points = totals(series);
    const words = chartWords(ctx.language);
    const view: IndicatorPageView = {
      code,
      name,
      description: pickLanguage(details.description, ctx.language),
      right: details.right,
      unit: series.indicator.unit,
      direction: details.direction,
      frameworkRefs: series.indicator.frameworkRefs,
      sources: [...new Set([...(details.source ? [details.source] : []), ...series.indicator.sources])],
      methodology: details.methodology,
      chart: renderSvgChart(
        {
          indicatorName: name?.text ?? code,
          cityName: city.name,
          unit: series.indicator.unit,
          disaggregation: null,
          locale,
          points,
          words,
        },
        'line',
        'indicator-chart',
      ),
      totals: points,
      breaks: seriesBreaks(points, words).map((b) => words.breakBefore(b.label, points[b.index].period)),
      disaggregations: disaggregations(series, points),
      submitters: details.submitters,
      terms: terms(details),
      comments: comments.map((c) => ({ ...c, author: authorOf(ctx.m, c) })),
      datasets,
      projects,
    };
    return renderIndicatorPage(ctx, view, path);
  }

  private async open(slug: string, asked?: PageLanguage) {
    const city = await this.sources.city(slug);
    if (!city) throw CityErrors.NOT_FOUND();
    const { language, locale } = pageLocale(city.locale, asked);
    const ctx = pageContext(city, language, locale, this.config.publicReads.licenceUrl);
    return { city, ctx, locale };
  }

  // Glossary definitions of the indicators' linked terms, as the city published them.
  private async termViews(city: PageCity, ctx: PageContext, details: readonly IndicatorDetails[]) {
    const published = await this.sources.terms(city.id, [...new Set(details.flatMap((d) => d.terms))]);
    const byId = new Map<string, TermView>(
      published.map((t) => [
        t.id,
        {
          label: pickLanguage(t.prefLabel, ctx.language),
          definition: pickLanguage(t.definition, ctx.language),
        },
      ]),
    );
    return (d: IndicatorDetails) => d.terms.flatMap((id) => byId.get(id) ?? []);
  }
}

// The total of every period (a gap where it is suppressed or not reported), as a chart draws them.
const totals = (series: PublicSeriesView): ChartPoint[] => chartPoints(series.observations, {});

function disaggregations(series: PublicSeriesView, points: readonly ChartPoint[]) {
  const label = (d: Record<string, string>) =>
    Object.entries(d)
      .map(([dimension, value]) => `${dimension}: ${value}`)
      .join(', ');
  const cells = series.observations.filter((o) => Object.keys(o.disaggregation).length > 0);
  const columns = [...new Set(cells.map((c) => label(c.disaggregation)))].sort();
  const at = new Map(cells.map((c) => [`${c.period}\n${label(c.disaggregation)}`, c]));
  return {
    columns,
    rows: points.map(({ period }) => ({
      period,
      cells: columns.map((column) => {
        const cell = at.get(`${period}\n${column}`);
        return cell ? { period, value: cell.value, suppressed: cell.obsStatus === CONFIDENTIAL } : null;
      }),
    })),
  };
}

// Comments are signed by organisation and role, never by a person's name.
const authorOf = (m: Messages, c: PublicComment) => {
  const role = c.authorRole ? (m.roles[c.authorRole] ?? c.authorRole) : null;
  return [c.organisation, role].filter(Boolean).join(', ') || m.siteName;
};
