import { ApiHarness, eventually, expectProblem, Session } from '../support';
import {
  HOSTILE,
  INTERNAL_COMMENT,
  PublicPagesCity,
  publicPagesCity,
  DATASET,
  SECRET_NAME,
  SUPPRESSED_VALUES,
  TERM,
} from '../support/public-pages-city';

// The public HTML pages as anyone (and any other site) reads them: names escaped, only public comments,
// suppressed cells as gaps, nothing of another city or of an unpublished indicator, in the city's
// language unless another is asked.

const SITE = 'https://www.example.org';
const escaped = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const mainOf = (page: string) => page.slice(page.indexOf('<main'), page.indexOf('</main>'));

describe('Public pages', () => {
  let api: ApiHarness;
  let operator: Session;
  let world: PublicPagesCity;

  const page = (path: string) => api.http.get(path).set('Origin', SITE);
  const cityPath = () => `/cities/${world.ghent.city.slug}`;
  const indicatorPath = () => `${cityPath()}/indicators/${encodeURIComponent(world.indicator.code)}`;

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    world = await publicPagesCity(api, operator);
    // Pages follow the projections: wait until the city page shows the published 2024 total and the
    // indicator page the public comment (and the glossary term and the dataset, of other projections).
    await eventually('the published city page', async () => {
      const res = await page(cityPath());
      return res.status === 200 && res.text.includes('4.324') && res.text.includes(TERM.label)
        ? true
        : undefined;
    });
    await eventually('the public comment', async () => {
      const res = await page(indicatorPath());
      return res.status === 200 && res.text.includes(escaped(HOSTILE.comment)) && res.text.includes(DATASET)
        ? true
        : undefined;
    });
  }, 120_000);
  afterAll(() => api.close());

  it('writes the city page as HTML in the city language, its names as text, trend and submitter included', async () => {
    const res = await page(cityPath()).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-[^']+'; img-src 'self' data:/,
    );
    const html = res.text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    for (const name of [HOSTILE.city, HOSTILE.indicator, HOSTILE.organisation]) {
      expect(html).toContain(escaped(name));
      expect(html).not.toContain(name);
    }
    expect(html).not.toMatch(/<script|<img src=x|onload="alert/i);
    expect(html).toContain('Mensenrechtenindicatoren van');
    // Trend: previous → latest, numbers in nl.
    expect(mainOf(html)).toContain('1.250 (2023) → 4.324 (2024)');
    expect(html).not.toContain(SECRET_NAME);
    expect(html).toContain(
      `/v1/public/cities/${world.ghent.city.slug}/data/${world.indicator.code}?format=sdmx-csv`,
    );
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('shows the indicator page with public comments only, authors by organisation and role', async () => {
    const html = (await page(indicatorPath()).expect(200)).text;
    expect(html).toContain(escaped(HOSTILE.comment));
    expect(html).not.toContain(INTERNAL_COMMENT);
    expect(html).toContain(`${escaped(HOSTILE.organisation)}, gegevensverzamelaar`);
    expect(html).not.toContain(world.ghent.collector.user.name);
    expect(html).not.toContain(world.ghent.researcher.user.name);
    expect(html).not.toMatch(/<script|<img src=x|onload="alert/i);
    // The chart is inline, its words in Dutch, its title escaped.
    expect(html).toContain('<svg');
    expect(html).toContain('Lijndiagram van 2 periodes van 2023 tot 2024.');
  });

  it("shows the linked glossary definition in the page's language and the public dataset", async () => {
    const city = (await page(cityPath()).expect(200)).text;
    expect(city).toContain(`<dt>${TERM.label}</dt><dd>${TERM.definition}</dd>`);
    const indicator = (await page(indicatorPath()).expect(200)).text;
    expect(indicator).toContain(`<a href="https://data.example.org/evictions.csv">${DATASET}</a>`);
    const english = (await page(`${indicatorPath()}?lang=en`).expect(200)).text;
    expect(english).toContain('<dt>Eviction</dt><dd>Being made to leave a home.</dd>');
  });

  it('shows suppressed cells as gaps and never their numbers', async () => {
    const main = mainOf((await page(indicatorPath()).expect(200)).text);
    const row2024 = /<tr><th scope="row">2024<\/th>(.*?)<\/tr>/g;
    const rows = [...main.matchAll(row2024)].map((m) => m[1]);
    // The totals table (4.324 published), then the breakdown (both cells hidden).
    expect(rows[0]).toContain('4.324');
    expect(rows[1].match(/niet gepubliceerd \(kleine aantallen\)/g)).toHaveLength(2);
    for (const value of SUPPRESSED_VALUES) expect(main).not.toContain(value);
    expect(main).toContain('620');
  });

  it("says 404 for an unpublished indicator, an unknown one, another city's, and an unknown city", async () => {
    const { ghent, padua, indicator, hidden } = world;
    for (const path of [
      `/cities/${ghent.city.slug}/indicators/${hidden.code}`,
      `/cities/${ghent.city.slug}/indicators/NO-SUCH-CODE`,
      `/cities/${padua.slug}/indicators/${indicator.code}`,
    ])
      expectProblem(await page(path), 404, 'OPEN_DATA.NOT_FOUND');
    expectProblem(await page('/cities/no-such-city'), 404, 'CITY.NOT_FOUND');
    expectProblem(await page('/cities/no-such-city/indicators/X'), 404, 'CITY.NOT_FOUND');
  });

  it('answers any origin with CORS headers, tags pages and answers 304 to the tag', async () => {
    const first = await page(indicatorPath()).expect(200);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers.etag).toMatch(/^W\//);
    expect(first.headers.link).toMatch(/; rel="license"$/);
    await eventually('a 304', async () => {
      const again = await page(indicatorPath()).set('If-None-Match', first.headers.etag);
      return again.status === 304 && !again.text ? true : undefined;
    });
    const preflight = await api.http
      .options(cityPath())
      .set('Origin', SITE)
      .set('Access-Control-Request-Method', 'GET')
      .expect(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
  });

  it("writes Padua's page in Italian, and another page language when asked", async () => {
    const padua = (await page(`/cities/${world.padua.slug}`).expect(200)).text;
    expect(padua).toMatch(/<html lang="it">/);
    expect(padua).toContain('<h1>Indicatori dei diritti umani di Padova</h1>');
    expect(padua).toContain('Questo comune non pubblica ancora indicatori.');
    const italian = (await page(`${indicatorPath()}?lang=it`).expect(200)).text;
    expect(italian).toMatch(/<html lang="it">/);
    expect(italian).toContain('Commenti pubblici');
    expect(italian).toContain('non pubblicato (piccoli numeri)');
    // The language links name each language in itself.
    expect(italian).toContain('lang="nl" hreflang="nl">Nederlands</a>');
    // A shared link's own parameters (campaign tags) are ignored, not refused.
    const english = (await page(`${cityPath()}?lang=en&utm_source=newsletter&fbclid=x`).expect(200)).text;
    expect(english).toMatch(/<html lang="en">/);
    expect(english).toContain('4,324 (2024)');
    for (const lang of ['xx', 'en&lang=nl']) {
      const problem = expectProblem(await page(`${cityPath()}?lang=${lang}`), 400);
      expect(problem.errors.map((e) => e.field)).toEqual(['lang']);
    }
  });

  // Last: it withdraws the glossary.
  it('drops the definitions at once when the city withdraws its glossary, never a stale 304', async () => {
    const before = await page(cityPath()).expect(200);
    await world.ghent
      .as(world.ghent.coordinator)
      .put('glossary/publication')
      .send({ public: false })
      .expect(200);
    const after = await page(cityPath()).set('If-None-Match', before.headers.etag).expect(200);
    expect(after.text).not.toContain(TERM.label);
  });
});
