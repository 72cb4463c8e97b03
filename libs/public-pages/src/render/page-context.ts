import { Html, markup } from './html';
import { Messages, MESSAGES, PageLanguage } from './messages';

// What every part of a page writes with: the city, the page's language and words, and its number and
// date formats.
export interface PageContext {
  city: { slug: string; name: string };
  language: PageLanguage;
  m: Messages;
  // The data licence's URL.
  licence: string;
  number: (n: number) => string;
  date: (d: Date) => string;
}

export function pageContext(
  city: { slug: string; name: string },
  language: PageLanguage,
  locale: string,
  licence: string,
): PageContext {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    city,
    language,
    m: MESSAGES[language],
    licence,
    number: (n) => numbers.format(n),
    date: (d) => dates.format(d),
  };
}

// A text in a language of its own: tagged where it differs from the page's (WCAG 3.1.2).
export const inLanguage = (ctx: PageContext, text: { text: string; lang: string } | null): Html | string =>
  !text
    ? ''
    : text.lang.split('-')[0] === ctx.language
      ? text.text
      : markup`<span lang="${text.lang}">${text.text}</span>`;

// A cell of a public series as the pages show it: the number, or the words of its gap — never the
// number of a suppressed cell (its reader already blanked it).
export function valueText(
  ctx: PageContext,
  cell: { value: number | null; suppressed: boolean } | null,
): Html {
  if (cell?.suppressed) return markup`<span class="gap">${ctx.m.notPublished}</span>`;
  if (!cell || cell.value === null) return markup`<span class="gap">${ctx.m.noValue}</span>`;
  return markup`${ctx.number(cell.value)}`;
}

const publicBase = (ctx: PageContext) => `/v1/public/cities/${encodeURIComponent(ctx.city.slug)}`;
export const cityPath = (ctx: PageContext) => `/cities/${encodeURIComponent(ctx.city.slug)}`;
export const indicatorPath = (ctx: PageContext, code: string) =>
  `${cityPath(ctx)}/indicators/${encodeURIComponent(code)}`;
export const cataloguePath = (ctx: PageContext) => `${publicBase(ctx)}/catalog`;
// A published report is public on the members' path (no bearer needed).
export const reportPath = (ctx: PageContext, id: string) =>
  `/v1/cities/${encodeURIComponent(ctx.city.slug)}/reports/${encodeURIComponent(id)}`;

// The open-data downloads of an indicator, each link naming it for a screen reader's list of links.
export function downloadLinks(ctx: PageContext, code: string): Html {
  const data = `${publicBase(ctx)}/data/${encodeURIComponent(code)}`;
  const links: [string, string][] = [
    ['CSV', `${data}?format=csv`],
    ['JSON', `${data}?format=json`],
    ['SDMX-CSV', `${data}?format=sdmx-csv`],
    ['Open SDG', `${data}?format=open-sdg`],
    [ctx.m.dictionary, `${data}/dictionary`],
    [ctx.m.metadataFile, `${publicBase(ctx)}/meta/${encodeURIComponent(code)}`],
  ];
  return markup`<ul class="downloads">${links.map(
    ([label, href]) => markup`<li><a href="${href}">${label}<span class="vh"> (${code})</span></a></li>`,
  )}</ul>`;
}
