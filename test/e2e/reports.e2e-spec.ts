import { randomUUID } from 'node:crypto';
import { asCityId } from '@rl/kernel';
import { ReportGenerator, SECTIONS } from '@rl/reports';
import {
  ApiHarness,
  cityWithPeople,
  CityWithPeople,
  eventually,
  expectProblem,
  fixtures,
  Session,
} from '../support';

interface Report {
  id: string;
  year: number;
  status: string;
  progress: number;
  position: number;
  headHash: string;
  contentHash: string;
  generatedAt: string;
  published: boolean;
  version: number;
  error: string | null;
  errata: { indicatorCode: string; period: string; oldValue: number | null; newValue: number | null }[];
}

// A public count indicator with values for 2023 and 2024 in Ghent; the coordinator asks for the 2024
// report, the worker generates it pinned to the log head, a later correction shows as an erratum.
describe('Annual reports pinned to the log', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let reviewer: Session;
  let indicator: { id: string; code: string };
  let period2024: string;
  let publicComment: string;

  const validate = async (periodId: string, cells: [Record<string, string>, number][]) =>
    fixtures.validatedValues(
      ghent.as(ghent.official),
      ghent.as(reviewer),
      { indicatorId: indicator.id, organisationId: ghent.organisationId, periodId },
      cells,
    );
  const members = (session: Session, path: string, slug = ghent.city.slug) =>
    api.http.get(`/v1/cities/${slug}/reports/${path}`).auth(session.accessToken, { type: 'bearer' });
  const anonymous = (path: string, slug = ghent.city.slug) =>
    api.http.get(`/v1/public/cities/${slug}/reports/${path}`);
  // API.md's own path, without a bearer: "members (public once published)".
  const anonymousOnMembersPath = (path: string, slug = ghent.city.slug) =>
    api.http.get(`/v1/cities/${slug}/reports/${path}`);
  const request = (session: Session, body: Record<string, unknown>) =>
    api.http
      .post(`/v1/cities/${ghent.city.slug}/reports`)
      .auth(session.accessToken, { type: 'bearer' })
      .send(body);
  const publish = (session: Session | null, id: string, slug = ghent.city.slug) => {
    const req = api.http.post(`/v1/cities/${slug}/reports/${id}/publish`);
    return session ? req.auth(session.accessToken, { type: 'bearer' }) : req;
  };
  const generated = (id: string) =>
    eventually(
      'the generated report',
      async () => {
        // Not found until the projection has seen the request.
        const res = await members(ghent.coordinator, id);
        if (res.status === 404) return undefined;
        const report = res.body as Report;
        expect(report.error).toBeNull();
        return report.status === 'done' ? report : undefined;
      },
      90_000,
      250,
    );
  const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  const binary = (res: { text?: string }, callback: (e: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    const stream = res as unknown as NodeJS.ReadableStream;
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => callback(null, Buffer.concat(chunks)));
  };

  let report: Report;
  const regenerate = () =>
    api.worker
      .get(ReportGenerator)
      .generate(
        asCityId(ghent.city.id),
        { year: 2024, title: 'Human rights in Ghent, 2024', sections: [...SECTIONS] },
        { upTo: report.position },
      );

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await cityWithPeople(api, operator, 'Ghent');
    padua = await cityWithPeople(api, operator, 'Padua');
    reviewer = await api.member(operator, ghent.city, 'official');
    indicator = await fixtures.indicator(ghent.as(ghent.coordinator), {
      code: `RP-${randomUUID().slice(0, 6)}`,
      name: 'Evictions',
      unit: 'count',
      disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
      status: 'active',
    });
    period2024 = await fixtures.period(ghent.as(ghent.coordinator), '2024');
    const period2023 = await fixtures.period(ghent.as(ghent.coordinator), '2023');
    await validate(period2023, [
      [{}, 50],
      [{ sex: 'F' }, 20],
      [{ sex: 'M' }, 30],
    ]);
    await validate(period2024, [
      [{}, 40],
      [{ sex: 'F' }, 3],
      [{ sex: 'M' }, 37],
    ]);
    await ghent
      .as(ghent.coordinator)
      .put(`indicators/${indicator.id}/publication`)
      .send({ comparable: false, public: true })
      .expect(200);
    const comment = (visibility: string, body: string) =>
      ghent
        .as(ghent.researcher)
        .post('comments')
        .send({ target: { kind: 'indicator', id: indicator.id }, body, visibility })
        .expect(201);
    publicComment = (await comment('public', 'Evictions fell after the mediation desk opened.')).body
      .id as string;
    await comment('internal', 'Check the bailiff register before publishing.');
    const res = await request(ghent.coordinator, { year: 2024, title: 'Human rights in Ghent, 2024' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), position: expect.any(Number), version: 1 });
    report = await generated(res.body.id as string);
  }, 180_000);
  afterAll(() => api.close());

  it('pins the report to a position and head hash of the log and hashes its content', () => {
    expect(report).toEqual(
      expect.objectContaining({
        year: 2024,
        status: 'done',
        progress: 100,
        position: expect.any(Number),
        headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        generatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        published: false,
        errata: [],
      }),
    );
  });

  it("lists the city's reports newest first", async () => {
    const list = await api.http
      .get(`/v1/cities/${ghent.city.slug}/reports?limit=5`)
      .auth(ghent.researcher.accessToken, { type: 'bearer' })
      .expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({ id: report.id, status: 'done', contentHash: report.contentHash }),
    ]);
  });

  it('gives the same content hash when generated again from the same position', async () => {
    const again = await regenerate();
    expect(again.pin.position).toBe(report.position);
    expect(again.pin.headHash).toBe(report.headHash);
    expect(again.contentHash).toBe(report.contentHash);
  });

  it('renders accessible HTML with every section, small numbers suppressed, and a deterministic PDF', async () => {
    const html = (await members(ghent.observer, `${report.id}/report.html`).expect(200)).text;
    expect(html).toMatch(/^<!doctype html><html lang="[a-z-]+"/i);
    for (const heading of [
      'Summary',
      'Indicators by right',
      'Completeness of reporting',
      'Meetings and decisions',
      'Budget links',
      'Errata',
    ])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain(indicator.code);
    expect(html).toContain(report.headHash);
    expect(html).toContain('<td>Q (suppressed)</td>');
    expect(html).not.toContain('<td>3</td>');
    expect(html).toContain('<li>Evictions fell after the mediation desk opened.</li>');
    // Publishing the report publishes only public words: the internal comment stays with the members.
    expect(html).not.toContain('bailiff');
    expect(html).not.toContain('bailiff register');
    const pdf = async () =>
      (await members(ghent.coordinator, `${report.id}/report.pdf`).buffer(true).parse(binary).expect(200))
        .body as Buffer;
    const first = await pdf();
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(first)).toBeGreaterThan(0);
    expect((await pdf()).equals(first)).toBe(true);
  });

  it('keeps an unpublished report from anonymous readers and other cities, and lets only coordinators ask', async () => {
    expectProblem(await anonymous(report.id), 404, 'REPORT.NOT_FOUND');
    expectProblem(await anonymous(`${report.id}/report.html`), 404, 'REPORT.NOT_FOUND');
    expectProblem(await anonymousOnMembersPath(report.id), 404, 'REPORT.NOT_FOUND');
    // Anonymous lists hold published reports only: none yet.
    expect((await anonymous('').expect(200)).body).toEqual([]);
    expect((await anonymousOnMembersPath('').expect(200)).body).toEqual([]);
    expectProblem(await anonymous('', 'no-such-city'), 404, 'CITY.NOT_FOUND');
    expectProblem(await anonymousOnMembersPath(`${report.id}/report.pdf`), 404, 'REPORT.NOT_FOUND');
    // A bad bearer is still refused, never taken for an anonymous reader.
    expectProblem(await anonymousOnMembersPath(report.id).auth('not-a-token', { type: 'bearer' }), 401);
    expectProblem(await members(padua.coordinator, report.id, padua.city.slug), 404, 'REPORT.NOT_FOUND');
    expectProblem(await request(ghent.collector, { year: 2024, title: 'Mine' }), 403);
    const future = expectProblem(
      await request(ghent.coordinator, { year: 3000, title: 'Later' }),
      422,
      'REPORT.INVALID',
    );
    expect(future.errors.map((e) => e.field)).toEqual(['year']);
    const unknown = expectProblem(
      await request(ghent.coordinator, { year: 2024, title: 'x', sections: ['gossip'] }),
      422,
      'REPORT.INVALID',
    );
    expect(unknown.errors.map((e) => e.field)).toEqual(['sections']);
  });

  it('lets only a coordinator of the city publish: another city, another role or no bearer changes nothing', async () => {
    expectProblem(await publish(null, report.id), 401);
    expectProblem(await publish(ghent.official, report.id), 403);
    // Padua's coordinator: on Ghent's path a non-member, on Padua's own path an id Padua does not have.
    expectProblem(await publish(padua.coordinator, report.id), 404, 'CITY.NOT_FOUND');
    expectProblem(await publish(padua.coordinator, report.id, padua.city.slug), 404, 'REPORT.NOT_FOUND');
    expectProblem(
      await api.http.post(`/v1/cities/${ghent.city.slug}/reports`).send({ year: 2024, title: 'Anyone' }),
      401,
    );
    expect((await members(ghent.coordinator, report.id).expect(200)).body).toEqual(
      expect.objectContaining({ published: false, version: report.version }),
    );
    expectProblem(await anonymous(report.id), 404, 'REPORT.NOT_FOUND');
    // Nor does the city's public page name or link it.
    const cityPage = (await api.http.get(`/cities/${ghent.city.slug}`).expect(200)).text;
    expect(cityPage).not.toContain(report.id);
  });

  it('lists a later correction of a used value as an erratum, leaving the content and its hash unchanged', async () => {
    await validate(period2024, [
      [{}, 44],
      [{ sex: 'F' }, 3],
      [{ sex: 'M' }, 41],
    ]);
    const corrected = await eventually(
      'the errata',
      async () => {
        const body = (await members(ghent.coordinator, report.id).expect(200)).body as Report;
        return body.errata.length > 0 ? body : undefined;
      },
      30_000,
    );
    expect(corrected.contentHash).toBe(report.contentHash);
    // The pinned position still gives the report's content: the correction lies after it.
    expect((await regenerate()).contentHash).toBe(report.contentHash);
    // M is hidden with F (secondary suppression) before and after: only the total shows as corrected.
    expect(corrected.errata).toEqual([
      expect.objectContaining({
        indicatorCode: indicator.code,
        period: '2024',
        disaggregation: {},
        oldValue: 40,
        newValue: 44,
        correctedAt: expect.any(String),
        reason: expect.stringContaining('Superseded'),
      }),
    ]);
    const html = (await members(ghent.coordinator, `${report.id}/report.html`).expect(200)).text;
    const errata = html.slice(html.indexOf('<section id="errata">'));
    expect(errata).toContain('<td>40</td><td>44</td>');
  });

  it('serves a published report to anyone, on its own path and under /v1/public', async () => {
    await publish(ghent.coordinator, report.id).expect(200);
    const published = await eventually('the published report', async () => {
      const res = await anonymous(report.id);
      return res.status === 200 ? (res.body as Report) : undefined;
    });
    expect(published).toEqual(
      expect.objectContaining({ id: report.id, contentHash: report.contentHash, published: true }),
    );
    expect(published.errata.length).toBeGreaterThan(0);
    const html = (await anonymous(`${report.id}/report.html`).expect(200)).text;
    expect(html).toContain('<h2>Errata</h2>');
    expect(html).toContain('<li>Evictions fell after the mediation desk opened.</li>');
    const pdf = (await anonymous(`${report.id}/report.pdf`).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expectProblem(await anonymous(report.id, padua.city.slug), 404, 'REPORT.NOT_FOUND');
    expect((await anonymousOnMembersPath(report.id).expect(200)).body).toEqual(published);
    expect((await anonymousOnMembersPath(`${report.id}/report.html`).expect(200)).text).toBe(html);
    const samePdf = await anonymousOnMembersPath(`${report.id}/report.pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((samePdf.body as Buffer).equals(pdf)).toBe(true);
    expectProblem(await anonymousOnMembersPath(report.id, padua.city.slug), 404, 'REPORT.NOT_FOUND');
    const listed = [
      expect.objectContaining({ id: report.id, published: true, contentHash: report.contentHash }),
    ];
    expect((await anonymous('').expect(200)).body).toEqual(listed);
    expect((await anonymousOnMembersPath('').expect(200)).body).toEqual(listed);
    expect((await anonymous('', padua.city.slug).expect(200)).body).toEqual([]);
    // Once published, the city's public page links it on the path read above without a bearer.
    const cityPage = (await api.http.get(`/cities/${ghent.city.slug}`).expect(200)).text;
    expect(cityPage).toContain(`href="/v1/cities/${ghent.city.slug}/reports/${report.id}/report.html"`);
  });

  it('stops showing a retracted comment at once, never a 304 to a copy that still has its words', async () => {
    const path = `${report.id}/report.html`;
    const before = await anonymous(path).expect(200);
    const tag = before.headers.etag;
    expect(tag).toBeDefined();
    await ghent.as(ghent.researcher).delete(`comments/${publicComment}`).expect(200);
    // Once the comments read model has dropped the words (members read it untagged)…
    await eventually('the retraction in the comments read model', async () => {
      const res = await members(ghent.coordinator, path).expect(200);
      return res.text.includes('Evictions fell') ? undefined : true;
    });
    // …the old tag no longer matches: the reader gets the new page, not a 304 to the copy with the words.
    const after = await anonymous(path).set('If-None-Match', tag).expect(200);
    expect(after.text).not.toContain('Evictions fell');
    expect(after.headers.etag).not.toBe(tag);
  });
});
