import jsonld from 'jsonld';
import { Parser, Store, Term } from 'n3';
import { ApiHarness, cityWithPeople, CityWithPeople, eventually, expectProblem, fixtures } from '../support';

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
};
const TYPE = `${NS.rdf}type`;
const dcat = (name: string) => `${NS.dcat}${name}`;
const dct = (name: string) => `${NS.dct}${name}`;
const hydra = (name: string) => `${NS.hydra}${name}`;

// Enough public datasets for three pages of 100, with the public indicator series.
const PUBLIC_DATASETS = 205;

type Format = 'json-ld' | 'turtle';

// One page as an RDF store, parsed by an RDF library from what the API sent.
async function parse(format: Format, body: string): Promise<Store> {
  if (format === 'turtle') return new Store(new Parser().parse(body));
  const nquads = (await jsonld.toRDF(JSON.parse(body) as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
  })) as string;
  return new Store(new Parser({ format: 'N-Quads' }).parse(nquads));
}

const subjectsOfType = (store: Store, type: string) =>
  store.getSubjects(TYPE, type, null).map((s) => s.value);
// A blank node is found by its term: as a string, the store would read its label as an IRI.
const objects = (store: Store, subject: string | Term, predicate: string) =>
  store.getObjects(subject, predicate, null);

// What a subject lacks of the properties it must have.
const missing = (store: Store, subject: string, properties: string[]) =>
  properties.filter((p) => objects(store, subject, p).length === 0).map((p) => `${subject} ${p}`);

// DCAT-AP 3's mandatory properties of each class, and the recommended ones this catalogue promises.
function expectDcatAp(store: Store): void {
  const catalogs = subjectsOfType(store, dcat('Catalog'));
  expect(catalogs).toHaveLength(1);
  const datasets = subjectsOfType(store, dcat('Dataset'));
  const distributions = subjectsOfType(store, dcat('Distribution'));
  expect(datasets.length).toBeGreaterThan(0);
  expect(distributions.length).toBeGreaterThan(0);
  expect([
    ...missing(store, catalogs[0], [
      dct('title'),
      dct('description'),
      dct('publisher'),
      dct('license'),
      dct('spatial'),
      dcat('dataset'),
    ]),
    ...datasets.flatMap((d) =>
      missing(store, d, [
        dct('title'),
        dct('description'),
        dct('publisher'),
        dcat('contactPoint'),
        dcat('theme'),
        dcat('keyword'),
        dct('spatial'),
        dct('issued'),
        dct('modified'),
        dct('license'),
        dcat('distribution'),
      ]),
    ),
    ...distributions.flatMap((d) => missing(store, d, [dcat('accessURL'), dct('license'), dct('format')])),
  ]).toEqual([]);
  // Titles and descriptions say which language they are in.
  const untagged = datasets.flatMap((d) =>
    [...objects(store, d, dct('title')), ...objects(store, d, dct('description'))].filter(
      (t) => t.termType !== 'Literal' || !(t as { language: string }).language,
    ),
  );
  expect(untagged).toEqual([]);
}

describe('The DCAT-AP catalogue of a city', () => {
  let api: ApiHarness;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let publicSeries: { id: string; code: string };
  let comparableOnly: { id: string; code: string };
  let privateDataset: string;
  let paduaDataset: string;
  const publicDatasets: { id: string; version: number }[] = [];

  const catalogPath = (city: CityWithPeople, query = '') =>
    `/v1/public/cities/${city.city.slug}/catalog${query}`;
  const fetchPage = async (url: string, format: Format) => {
    const res = await api.http
      .get(url.replace(/^https?:\/\/[^/]+/, ''))
      .set('Accept', format === 'turtle' ? 'text/turtle' : 'application/ld+json')
      .expect(200);
    expect(res.headers['content-type']).toBe(
      format === 'turtle' ? 'text/turtle; charset=utf-8' : 'application/ld+json; charset=utf-8',
    );
    return parse(format, res.text);
  };
  const paging = (store: Store) => {
    const [page] = subjectsOfType(store, hydra('PagedCollection'));
    const one = (p: string) => objects(store, page, hydra(p))[0]?.value;
    return {
      total: Number(one('totalItems')),
      perPage: Number(one('itemsPerPage')),
      next: one('nextPage'),
      previous: one('previousPage'),
      first: one('firstPage'),
      last: one('lastPage'),
    };
  };
  // Every dataset URI of the catalogue, following hydra:nextPage from the first page.
  const walk = async (format: Format, query = ''): Promise<{ uris: string[]; pages: Store[] }> => {
    const pages: Store[] = [];
    let url: string | undefined = catalogPath(ghent, query);
    while (url) {
      const store = await fetchPage(url, format);
      pages.push(store);
      url = paging(store).next;
    }
    return { uris: pages.flatMap((p) => subjectsOfType(p, dcat('Dataset'))), pages };
  };
  const idsIn = (uris: string[]) => uris.map((u) => u.split('#')[1]);

  beforeAll(async () => {
    const started = await ApiHarness.startWithOperator();
    api = started.api;
    [ghent, padua] = await Promise.all([
      cityWithPeople(api, started.operator, 'Ghent'),
      cityWithPeople(api, started.operator, 'Padua'),
    ]);
    const coordinator = ghent.as(ghent.coordinator);
    const indicator = (name: Record<string, string>, right: string) =>
      fixtures.indicator(coordinator, { name, right, status: 'active' });
    publicSeries = await indicator({ nl: 'Dakloze personen', en: 'Homeless people' }, 'adequate housing');
    comparableOnly = await indicator({ en: 'Complaints (comparable only)' }, 'non-discrimination');
    const period = await fixtures.period(coordinator, '2024');
    // Four eyes: another official validates what the official submitted.
    const reviewer = ghent.as(await api.member(started.operator, ghent.city, 'official'));
    for (const indicatorId of [publicSeries.id, comparableOnly.id]) {
      const submitted = await ghent
        .as(ghent.official)
        .post('submissions')
        .send({
          indicatorId,
          periodId: period,
          organisationId: ghent.organisationId,
          observations: [{ disaggregation: {}, value: 7 }],
        })
        .expect(201);
      await reviewer
        .post(`submissions/${submitted.body.id}/validate`)
        .set('If-Match', String(submitted.body.version))
        .send()
        .expect(200);
    }
    await coordinator
      .put(`indicators/${publicSeries.id}/publication`)
      .send({ comparable: true, public: true })
      .expect(200);
    await coordinator
      .put(`indicators/${comparableOnly.id}/publication`)
      .send({ comparable: true, public: false })
      .expect(200);

    const entry = (title: string, extra: object = {}) => ({
      title,
      description: `${title}: beds and requests per night.`,
      owner: ghent.organisationId,
      licence: 'CC-BY-4.0',
      updateFrequency: 'monthly',
      personalData: false,
      format: 'CSV',
      accessUrl: 'https://data.example.org/shelter.csv',
      public: true,
      ...extra,
    });
    for (let i = 0; i < PUBLIC_DATASETS; i++) {
      const res = await coordinator
        .post('datasets')
        .send(entry(`Shelter capacity ${i} (illustrative)`))
        .expect(201);
      publicDatasets.push(res.body as { id: string; version: number });
    }
    privateDataset = (
      await coordinator
        .post('datasets')
        .send(entry('Private case files (illustrative)', { public: false }))
        .expect(201)
    ).body.id as string;
    const paduan = padua.as(padua.coordinator);
    paduaDataset = (
      await paduan
        .post('datasets')
        .send({ ...entry('Posti letto (illustrative)'), owner: padua.organisationId })
        .expect(201)
    ).body.id as string;

    // The catalogue reads read models: wait until the publication and datasets projections caught up.
    await eventually('the catalogue to show everything public', async () => {
      const store = await fetchPage(catalogPath(ghent), 'json-ld');
      return paging(store).total === PUBLIC_DATASETS + 1 ? true : undefined;
    });
  }, 180_000);
  afterAll(() => api.close());

  it.each<Format>(['json-ld', 'turtle'])(
    'answers %s with the mandatory DCAT-AP properties of Catalog, Dataset and Distribution',
    async (format) => {
      const store = await fetchPage(catalogPath(ghent), format);
      expectDcatAp(store);
      const series = `${subjectsOfType(store, dcat('Catalog'))[0]}#indicator-${publicSeries.id}`;
      expect(
        objects(store, series, dct('title'))
          .map((t) => `${t.value}@${(t as { language: string }).language}`)
          .sort(),
      ).toEqual(['Dakloze personen@nl', 'Homeless people@en'].sort());
      const downloads = objects(store, series, dcat('distribution')).flatMap((d) =>
        objects(store, d.value, dcat('downloadURL')).map((u) => u.value),
      );
      expect(downloads.sort()).toEqual(
        ['csv', 'json'].map((f) =>
          expect.stringContaining(
            `/v1/public/cities/${ghent.city.slug}/data/${publicSeries.code}?format=${f}`,
          ),
        ),
      );
      const [temporal] = objects(store, series, dct('temporal'));
      expect(objects(store, temporal, dcat('startDate'))[0]?.value).toBe('2024-01-01');
      expect(objects(store, temporal, dcat('endDate'))[0]?.value).toBe('2024-12-31');
    },
  );

  it.each<Format>(['json-ld', 'turtle'])(
    'pages in %s as ckanext-dcat expects; the walk finds every dataset once',
    async (format) => {
      const { uris, pages } = await walk(format);
      expect(pages).toHaveLength(3);
      expect(paging(pages[0])).toMatchObject({
        total: PUBLIC_DATASETS + 1,
        perPage: 100,
        previous: undefined,
      });
      expect(paging(pages[1]).previous).toBe(paging(pages[0]).first);
      expect(paging(pages[2]).next).toBeUndefined();
      expect(paging(pages[2]).last).toContain('page=3');
      expect(new Set(uris).size).toBe(uris.length);
      expect(idsIn(uris).sort()).toEqual(
        [`indicator-${publicSeries.id}`, ...publicDatasets.map((d) => `dataset-${d.id}`)].sort(),
      );
    },
  );

  it('never shows private datasets, non-public indicators or another city’s datasets', async () => {
    const { uris } = await walk('json-ld');
    const ids = idsIn(uris).join(' ');
    for (const hidden of [privateDataset, comparableOnly.id, paduaDataset]) expect(ids).not.toContain(hidden);
    const paduan = await fetchPage(catalogPath(padua), 'turtle');
    expect(idsIn(subjectsOfType(paduan, dcat('Dataset')))).toEqual([`dataset-${paduaDataset}`]);
  });

  it('with modified_since, lists only what changed since', async () => {
    const since = new Date().toISOString();
    const changed = publicDatasets[17];
    await ghent
      .as(ghent.coordinator)
      .patch(`datasets/${changed.id}`)
      .set('If-Match', String(changed.version))
      .send({ title: 'Shelter capacity, revised (illustrative)' })
      .expect(200);
    const query = `?modified_since=${encodeURIComponent(since)}`;
    const { uris } = await eventually('the revision in the catalogue', async () => {
      const walked = await walk('json-ld', query);
      return walked.uris.length > 0 ? walked : undefined;
    });
    expect(idsIn(uris)).toEqual([`dataset-${changed.id}`]);
    expect(idsIn((await walk('turtle', '?modified_since=2000-01-01')).uris)).toHaveLength(
      PUBLIC_DATASETS + 1,
    );
  });

  it('answers 404 for an unknown city, 406 for a type it cannot write, 400 for a bad page', async () => {
    expectProblem(await api.http.get('/v1/public/cities/nowhere-at-all/catalog'), 404);
    expectProblem(await api.http.get(catalogPath(ghent)).set('Accept', 'application/xml'), 406);
    expectProblem(await api.http.get(catalogPath(ghent, '?page=0')), 400);
    expectProblem(await api.http.get(catalogPath(ghent, '?modified_since=yesterday')), 400);
    const res = await api.http.get(catalogPath(ghent)).expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
  });
});
