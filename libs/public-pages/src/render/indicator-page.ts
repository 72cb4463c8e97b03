import { Html, markup, trusted } from './html';
import { PeriodValue, rightLabel, termList, TermView } from './city-page';
import { layout } from './layout';
import { downloadLinks, inLanguage, PageContext, valueText } from './page-context';

type Picked = { text: string; lang: string } | null;

export interface IndicatorPageView {
  code: string;
  name: Picked;
  description: Picked;
  right: string;
  unit: string;
  direction: string;
  frameworkRefs: string[];
  sources: string[];
  methodology: string | null;
  // An SVG of the total series, its title and desc in the page's language.
  chart: string;
  totals: PeriodValue[];
  // Series breaks in words ("series break before 2023").
  breaks: string[];
  // One column per disaggregation cell ("sex: F"); a row per period, null where the period has no cell.
  disaggregations: { columns: string[]; rows: { period: string; cells: (PeriodValue | null)[] }[] };
  submitters: string[];
  terms: TermView[];
  comments: { body: string; author: string; createdAt: Date }[];
  datasets: { title: string; description: string; licence: string; accessUrl: string | null }[];
  projects: {
    title: string;
    organisation: string | null;
    amount: number;
    currency: string;
    expected: string;
  }[];
}

// Only web links become links: a hostile javascript: or data: URL stays text.
const webUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

const listOr = (ctx: PageContext, items: readonly string[]) =>
  items.length > 0 ? items.join(', ') : ctx.m.none;

function metadata(ctx: PageContext, v: IndicatorPageView): Html {
  const { m } = ctx;
  const rows: [string, Html | string][] = [
    [m.definition, v.description ? inLanguage(ctx, v.description) : m.none],
    [m.right, rightLabel(v.right)],
    [m.unit, v.unit],
    [m.direction, m.directions[v.direction] ?? v.direction],
    [m.frameworkCodes, listOr(ctx, v.frameworkRefs)],
    [m.source, listOr(ctx, v.sources)],
    [m.methodology, v.methodology ?? m.none],
    [m.seriesBreaks, listOr(ctx, v.breaks)],
    [m.submittedBy, listOr(ctx, v.submitters)],
  ];
  return markup`<dl>${rows.map(([term, value]) => markup`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`;
}

function valuesTable(ctx: PageContext, v: IndicatorPageView, name: string): Html {
  const { m } = ctx;
  return markup`<table>
<caption>${m.valuesCaption(name)}</caption>
<thead><tr><th scope="col">${m.period}</th><th scope="col">${m.value} (${v.unit})</th></tr></thead>
<tbody>${v.totals.map((t) => markup`<tr><th scope="row">${t.period}</th><td class="num">${valueText(ctx, t)}</td></tr>`)}</tbody>
</table>`;
}

function disaggregationTable(ctx: PageContext, v: IndicatorPageView, name: string): Html {
  const { columns, rows } = v.disaggregations;
  if (columns.length === 0) return markup`<p>${ctx.m.none}</p>`;
  return markup`<table>
<caption>${ctx.m.disaggregationsCaption(name)}</caption>
<thead><tr><th scope="col">${ctx.m.period}</th>${columns.map((c) => markup`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${rows.map(
    (r) =>
      markup`<tr><th scope="row">${r.period}</th>${r.cells.map((c) => markup`<td class="num">${valueText(ctx, c)}</td>`)}</tr>`,
  )}</tbody>
</table>`;
}

const section = (id: string, heading: string, content: Html) =>
  markup`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>
${content}
</section>`;

export function renderIndicatorPage(ctx: PageContext, v: IndicatorPageView, path: string): string {
  const { m } = ctx;
  const name = v.name?.text ?? v.code;
  const body = markup`<h1>${inLanguage(ctx, v.name)} <span class="muted">(${v.code})</span></h1>
${section(
  'chart',
  m.chart,
  markup`<figure>${trusted(v.chart)}</figure>
${valuesTable(ctx, v, name)}`,
)}
${section('disaggregations', m.disaggregations, disaggregationTable(ctx, v, name))}
${section('about', m.metadata, markup`${metadata(ctx, v)}${v.terms.length > 0 ? markup`<h3>${m.definitions}</h3>${termList(ctx, v.terms)}` : ''}`)}
${section(
  'comments',
  m.comments,
  v.comments.length === 0
    ? markup`<p>${m.noComments}</p>`
    : markup`${v.comments.map(
        (c) =>
          markup`<figure><blockquote><p>${c.body}</p></blockquote><figcaption>${c.author}, ${ctx.date(c.createdAt)}</figcaption></figure>`,
      )}`,
)}
${section(
  'datasets',
  m.datasets,
  v.datasets.length === 0
    ? markup`<p>${m.none}</p>`
    : markup`<ul>${v.datasets.map(
        (d) =>
          markup`<li>${webUrl(d.accessUrl) ? markup`<a href="${webUrl(d.accessUrl)}">${d.title}</a>` : d.title} — ${d.description} <span class="muted">(${m.licence}: ${d.licence})</span></li>`,
      )}</ul>`,
)}
${section(
  'projects',
  m.fundedProjects,
  v.projects.length === 0
    ? markup`<p>${m.none}</p>`
    : markup`<ul>${v.projects.map(
        (p) =>
          markup`<li>${p.title}${p.organisation ? ` — ${p.organisation}` : ''}: ${ctx.number(p.amount)} ${p.currency}. ${m.expectedContribution}: ${p.expected}</li>`,
      )}</ul>`,
)}
${section('downloads', m.downloads, downloadLinks(ctx, v.code))}`;
  return layout(ctx, name, path, body);
}
