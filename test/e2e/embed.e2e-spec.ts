import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { byClass, parseSvg, XmlElement } from '@rl/embed/testing';
import {
  ApiHarness,
  cityWithPeople,
  CityWithPeople,
  eventually,
  expectProblem,
  fixtures,
  Session,
} from '../support';

// A public count indicator broken down by sex, whose 2024 women's cell is too small to publish: its
// chart on another site's page is an SVG that leaves that cell blank (Q) and draws the rest. Charts
// follow the open-data projection, so the first expectation is polled for.

const SITE = 'https://www.example.org';
const NAME = 'Evictions & <notices>';

// supertest keeps image bodies as bytes: the chart as text, a problem as JSON.
const textOrJson = (answer: unknown, done: (error: Error | null, body: unknown) => void) => {
  const res = answer as IncomingMessage;
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(body) : body));
};

describe('Embeddable SVG charts', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let indicator: { id: string; code: string };
  let hidden: { id: string; code: string };

  const chart = (slug: string, code: string, query = '') =>
    api.http
      .get(`/embed/cities/${slug}/indicators/${encodeURIComponent(code)}.svg${query}`)
      .set('Origin', SITE)
      .buffer(true)
      .parse(textOrJson);
  const svgOf = (res: { body: unknown }): XmlElement => parseSvg(res.body as string);
  const descOf = (svg: XmlElement) => svg.children.find((e) => e.name === 'desc')!.text;

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await cityWithPeople(api, operator, 'Ghent');
    padua = await cityWithPeople(api, operator, 'Padua');
    const coordinator = ghent.as(ghent.coordinator);
    const reviewer = ghent.as(await api.member(operator, ghent.city, 'official'));
    const define = () =>
      fixtures.indicator(coordinator, {
        code: `EM-${randomUUID().slice(0, 6)}`,
        name: NAME,
        unit: 'count',
        disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
        status: 'active',
      });
    indicator = await define();
    hidden = await define();
    const values = (indicatorId: string, periodId: string, cells: [Record<string, string>, number][]) =>
      fixtures.validatedValues(
        ghent.as(ghent.official),
        reviewer,
        { indicatorId, periodId, organisationId: ghent.organisationId },
        cells,
      );
    const period2023 = await fixtures.period(coordinator, '2023');
    const period2024 = await fixtures.period(coordinator, '2024');
    await values(indicator.id, period2023, [
      [{}, 1250],
      [{ sex: 'F' }, 620],
      [{ sex: 'M' }, 630],
    ]);
    await values(indicator.id, period2024, [
      [{}, 40],
      [{ sex: 'F' }, 3],
      [{ sex: 'M' }, 37],
    ]);
    await values(hidden.id, period2024, [[{}, 12]]);
    await coordinator
      .put(`indicators/${indicator.id}/publication`)
      .send({ comparable: false, public: true })
      .expect(200);
  }, 90_000);
  afterAll(() => api.close());

  it("answers anyone with an SVG another site's <img> may show, its title and desc naming what it shows", async () => {
    const res = await eventually('the published chart', async () => {
      const answer = await chart(ghent.city.slug, indicator.code);
      return answer.status === 200 && byClass(svgOf(answer), 'point').length === 2 ? answer : undefined;
    });
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers.etag).toMatch(/^W\//);
    expect(res.headers.link).toMatch(/; rel="license"$/);
    const svg = svgOf(res);
    expect(svg.attributes.role).toBe('img');
    expect(svg.children[0]).toEqual(expect.objectContaining({ name: 'title', text: `${NAME}, Ghent` }));
    // The city's locale (nl) writes the numbers.
    expect(descOf(svg)).toContain('First value 1.250 (2023), last value 40 (2024)');
    expect(byClass(svg, 'suppressed')[0].children).toEqual([]);
  });

  it('leaves a suppressed cell blank, marked Q, in the chart of a disaggregation', async () => {
    const svg = svgOf(
      await chart(ghent.city.slug, indicator.code, '?disaggregation=sex:F&type=bar').expect(200),
    );
    expect(byClass(svg, 'bar').map((b) => b.children[0].text)).toEqual(['2023: 620']);
    expect(byClass(svg, 'suppressed')[0].children.map((q) => q.text)).toEqual(['Q']);
    expect(descOf(svg)).toContain('Suppressed to protect small numbers, marked Q and left blank: 2024.');
    expect(svg.children[0].text).toBe(`${NAME} (sex: F), Ghent`);
  });

  it('keeps the periods from and to', async () => {
    const svg = svgOf(await chart(ghent.city.slug, indicator.code, '?from=2024&to=2024').expect(200));
    expect(byClass(svg, 'point')).toHaveLength(1);
    expect(descOf(svg)).toMatch(/^Line chart of 1 period from 2024 to 2024\./);
  });

  it('answers 304 to its own tag', async () => {
    const first = await chart(ghent.city.slug, indicator.code, '?type=bar').expect(200);
    await eventually('a 304', async () => {
      const again = await chart(ghent.city.slug, indicator.code, '?type=bar').set(
        'If-None-Match',
        first.headers.etag,
      );
      return again.status === 304 && !again.body ? true : undefined;
    });
  });

  it("says 404 for an unknown city or code, an unpublished indicator and another city's code", async () => {
    for (const [slug, code] of [
      ['no-such-city', indicator.code],
      [ghent.city.slug, 'NO-SUCH-CODE'],
      [ghent.city.slug, hidden.code],
      [padua.city.slug, indicator.code],
    ])
      expectProblem(await chart(slug, code), 404, 'OPEN_DATA.NOT_FOUND');
  });

  it.each([
    ['?type=pie', 'type'],
    ['?from=last-year', 'from'],
    ['?to=2024-Q1x', 'to'],
    ['?from=2024&to=2023', 'to'],
    ['?disaggregation=sex', 'disaggregation'],
    ['?disaggregation=age:Y0T14', 'disaggregation'],
    ['?type=line&type=bar', 'type'],
  ])('says 400 naming the parameter at fault for %s', async (query, field) => {
    const res = await chart(ghent.city.slug, indicator.code, query);
    expect(expectProblem(res, 400).errors).toEqual([expect.objectContaining({ field })]);
  });
});
