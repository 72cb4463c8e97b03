import { Html, markup } from './html';
import { layout } from './layout';
import { downloadLinks, indicatorPath, inLanguage, PageContext, reportPath, valueText } from './page-context';

type Picked = { text: string; lang: string } | null;

export interface PeriodValue {
  period: string;
  value: number | null;
  suppressed: boolean;
}

export interface TermView {
  label: Picked;
  definition: Picked;
}

export interface IndicatorCard {
  code: string;
  name: Picked;
  unit: string;
  // The totals of the last two periods, as the public reader gives them.
  latest: PeriodValue | null;
  previous: PeriodValue | null;
  submitters: string[];
  terms: TermView[];
}

export interface PublishedReport {
  id: string;
  year: number;
  title: string;
}

export interface CityPageView {
  rights: { right: string; indicators: IndicatorCard[] }[];
  // The city's published annual reports, newest first.
  reports: PublishedReport[];
}

function reportList(ctx: PageContext, reports: readonly PublishedReport[]): Html | string {
  if (reports.length === 0) return '';
  return markup`<section aria-labelledby="reports">
<h2 id="reports">${ctx.m.annualReports}</h2>
<ul>${reports.map((r) => {
    const path = reportPath(ctx, r.id);
    return markup`<li>${r.title} (${r.year}): <a href="${path}/report.html">${ctx.m.readOnline}<span class="vh"> (${r.year})</span></a> · <a href="${path}/report.pdf">PDF<span class="vh"> (${r.year})</span></a></li>`;
  })}</ul>
</section>`;
}

// A right's code (adequate-housing) as a heading.
export const rightLabel = (right: string) => {
  const words = right.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const atPeriod = (ctx: PageContext, v: PeriodValue) => markup`${valueText(ctx, v)} (${v.period})`;

export function termList(ctx: PageContext, terms: readonly TermView[]): Html {
  return markup`<dl class="terms">${terms.map(
    (t) => markup`<dt>${inLanguage(ctx, t.label)}</dt><dd>${inLanguage(ctx, t.definition)}</dd>`,
  )}</dl>`;
}

function card(ctx: PageContext, i: IndicatorCard): Html {
  const { m } = ctx;
  return markup`<article>
<h3><a href="${indicatorPath(ctx, i.code)}">${inLanguage(ctx, i.name)}</a> <span class="muted">(${i.code})</span></h3>
<dl>
<dt>${m.latestValue}</dt><dd>${i.latest ? atPeriod(ctx, i.latest) : valueText(ctx, null)} <span class="muted">${i.unit}</span></dd>
${i.previous && i.latest ? markup`<dt>${m.trend}</dt><dd>${atPeriod(ctx, i.previous)} → ${atPeriod(ctx, i.latest)}</dd>` : ''}
${i.submitters.length > 0 ? markup`<dt>${m.submittedBy}</dt><dd>${i.submitters.join(', ')}</dd>` : ''}
</dl>
${i.terms.length > 0 ? markup`<h4>${m.definitions}</h4>${termList(ctx, i.terms)}` : ''}
<h4>${m.downloads}</h4>
${downloadLinks(ctx, i.code)}
</article>`;
}

export function renderCityPage(ctx: PageContext, view: CityPageView, path: string): string {
  const { m } = ctx;
  const heading = m.cityHeading(ctx.city.name);
  const body = markup`<h1>${heading}</h1>
<p>${m.cityIntro}</p>
${view.rights.length === 0 ? markup`<p>${m.noIndicators}</p>` : ''}
${view.rights.map(
  (r, n) => markup`<section aria-labelledby="right-${n}">
<h2 id="right-${n}"><span class="vh">${m.right}: </span>${rightLabel(r.right)}</h2>
${r.indicators.map((i) => card(ctx, i))}
</section>`,
)}
${reportList(ctx, view.reports)}`;
  return layout(ctx, heading, path, body);
}
