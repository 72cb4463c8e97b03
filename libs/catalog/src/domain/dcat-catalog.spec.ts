import jsonld from 'jsonld';
import { Parser, Quad } from 'n3';
import { buildCatalog, catalogUri, datasetUri, seriesUri } from './dcat-catalog';
import { expand, Curie, Resource, toJsonLd, toQuads, toTurtle } from './rdf';
import { catalogInput, DATASET, SERIES } from './testing/catalog-fixtures';

const CATALOG = catalogUri('https://ledger.example.org', 'ghent');

const node = (graph: Resource[], id: string) => graph.find((r) => r.id === id) as Resource;
const values = (r: Resource, property: Curie) => r.props.filter(([p]) => p === property).map(([, t]) => t);
const one = (r: Resource, property: Curie): unknown => values(r, property)[0];

// Blank nodes get fresh labels in every rendering: compare triples with them named alike.
const canonical = (quads: Quad[]) =>
  quads
    .map((q) =>
      [q.subject, q.predicate, q.object]
        .map((t) =>
          t.termType === 'BlankNode'
            ? '_:b'
            : `${t.termType}:${t.value}:${'language' in t ? t.language : ''}`,
        )
        .join(' '),
    )
    .sort();

describe('the DCAT-AP catalogue graph', () => {
  it('describes the city as a dcat:Catalog of its series and datasets, with publisher, licence and language', () => {
    const graph = buildCatalog(catalogInput());
    const catalog = node(graph, CATALOG);
    expect(catalog.types).toEqual(['dcat:Catalog']);
    expect(values(catalog, 'dcat:dataset')).toEqual([
      { iri: seriesUri(CATALOG, SERIES.id) },
      { iri: datasetUri(CATALOG, DATASET.id) },
    ]);
    expect(one(catalog, 'dct:title')).toEqual({ value: 'Open data of Ghent', lang: 'en' });
    expect(one(catalog, 'dct:publisher')).toEqual({ iri: `${CATALOG}#publisher` });
    expect(node(graph, `${CATALOG}#publisher`).types).toContain('foaf:Agent');
    expect(one(catalog, 'dct:language')).toEqual({
      iri: 'http://publications.europa.eu/resource/authority/language/NLD',
    });
    expect(one(catalog, 'dct:modified')).toEqual({ value: SERIES.modified, datatype: 'xsd:dateTime' });
  });

  it("gives an indicator series titles in the city's language and English, a theme from its right and CSV/JSON downloads by code", () => {
    const series = node(buildCatalog(catalogInput()), seriesUri(CATALOG, SERIES.id));
    expect(series.id).toBe(`${CATALOG}#indicator-${SERIES.id}`);
    expect(values(series, 'dct:title')).toEqual([
      { value: 'Dakloze personen', lang: 'nl' },
      { value: 'Homeless people', lang: 'en' },
    ]);
    expect(one(series, 'dcat:theme')).toEqual({
      iri: 'http://publications.europa.eu/resource/authority/data-theme/SOCI',
    });
    expect(values(series, 'dcat:keyword')).toEqual(
      expect.arrayContaining([{ value: 'HOUS-01' }, { value: 'SDG:11.1.1' }]),
    );
    expect(one(series, 'dct:temporal')).toMatchObject({
      types: ['dct:PeriodOfTime'],
      props: [
        ['dcat:startDate', { value: '2019-01-01', datatype: 'xsd:date' }],
        ['dcat:endDate', { value: '2024-12-31', datatype: 'xsd:date' }],
      ],
    });
    const contact = one(series, 'dcat:contactPoint') as Resource;
    expect(contact.types).toEqual(['vcard:Kind', 'vcard:Organization']);
    const downloads = values(series, 'dcat:distribution') as Resource[];
    expect(downloads.map((d) => one(d, 'dcat:downloadURL'))).toEqual([
      { iri: 'https://ledger.example.org/v1/public/cities/ghent/data/HOUS-01?format=csv' },
      { iri: 'https://ledger.example.org/v1/public/cities/ghent/data/HOUS-01?format=json' },
    ]);
    expect(downloads.map((d) => one(d, 'dcat:mediaType'))).toEqual([
      { iri: 'http://www.iana.org/assignments/media-types/text/csv' },
      { iri: 'http://www.iana.org/assignments/media-types/application/json' },
    ]);
    expect(downloads.map((d) => one(d, 'dct:format'))).toEqual([
      { iri: 'http://publications.europa.eu/resource/authority/file-type/CSV' },
      { iri: 'http://publications.europa.eu/resource/authority/file-type/JSON' },
    ]);
  });

  it('publishes a catalogued dataset under its owner, its SPDX licence, its NUTS region and its address', () => {
    const graph = buildCatalog(catalogInput());
    const dataset = node(graph, datasetUri(CATALOG, DATASET.id));
    const owner = `${CATALOG}#organisation-${DATASET.owner.id}`;
    expect(one(dataset, 'dct:publisher')).toEqual({ iri: owner });
    expect(one(node(graph, owner), 'foaf:name')).toEqual({ value: 'Vluchtelingenwerk Vlaanderen' });
    expect(one(dataset, 'dct:license')).toEqual({ iri: 'http://spdx.org/licenses/CC-BY-4.0' });
    expect(one(dataset, 'dct:spatial')).toEqual({ iri: 'http://data.europa.eu/nuts/code/BE234' });
    expect(one(dataset, 'dcat:theme')).toEqual({
      iri: 'http://publications.europa.eu/resource/authority/data-theme/SOCI',
    });
    expect(one(dataset, 'dct:accrualPeriodicity')).toEqual({
      iri: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
    });
    const [access] = values(dataset, 'dcat:distribution') as Resource[];
    expect(one(access, 'dcat:accessURL')).toEqual({ iri: DATASET.accessUrl });
    expect(one(access, 'dcat:downloadURL')).toEqual({ iri: DATASET.accessUrl });
  });

  it('offers an API only for access: no download URL, no file type', () => {
    const api = { ...DATASET, format: null, mediaType: null, accessUrl: 'https://api.example.org/' };
    const dataset = node(buildCatalog(catalogInput({ datasets: [api] })), datasetUri(CATALOG, api.id));
    const [access] = values(dataset, 'dcat:distribution') as Resource[];
    expect(values(access, 'dcat:accessURL')).toHaveLength(1);
    expect(values(access, 'dcat:downloadURL')).toEqual([]);
    expect(values(access, 'dct:format')).toEqual([]);
  });

  it('pages as ckanext-dcat reads it, keeping modified_since in every link', () => {
    const page = { number: 2, size: 100, total: 250, modifiedSince: '2025-01-01T00:00:00Z' };
    const graph = buildCatalog(catalogInput({ page }));
    const url = (n: number) => `${CATALOG}?page=${n}&modified_since=2025-01-01T00%3A00%3A00Z`;
    const paging = node(graph, url(2));
    expect(paging.types).toEqual(['hydra:PagedCollection']);
    expect(Object.fromEntries(paging.props.map(([p, t]) => [p, (t as { value: string }).value]))).toEqual({
      'hydra:totalItems': '250',
      'hydra:itemsPerPage': '100',
      'hydra:firstPage': url(1),
      'hydra:lastPage': url(3),
      'hydra:nextPage': url(3),
      'hydra:previousPage': url(1),
    });
    const first = node(buildCatalog(catalogInput()), `${CATALOG}?page=1`);
    expect(values(first, 'hydra:nextPage')).toEqual([]);
    expect(values(first, 'hydra:previousPage')).toEqual([]);
  });

  it('says the same triples in Turtle and in JSON-LD', async () => {
    const graph = buildCatalog(catalogInput());
    const quads = toQuads(graph);
    const fromTurtle = new Parser().parse(await toTurtle(graph));
    const fromJsonLd = new Parser({ format: 'N-Quads' }).parse(
      (await jsonld.toRDF(toJsonLd(graph), {
        format: 'application/n-quads',
      })) as string,
    );
    expect(canonical(fromTurtle)).toEqual(canonical(quads));
    expect(canonical(fromJsonLd)).toEqual(canonical(quads));
    expect(quads.some((q) => q.predicate.value === expand('dct:title'))).toBe(true);
  });
});
