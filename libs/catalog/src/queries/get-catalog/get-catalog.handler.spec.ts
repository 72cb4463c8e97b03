import { AppConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { Resource } from '../../domain/rdf';
import { PublicDatasetRow, PublicSeriesRow } from '../../persistence/catalog-sources.repository';
import { InMemoryCatalogSources } from '../../testing/in-memory-catalog-sources';
import { CATALOG_PAGE_SIZE, GetCatalogHandler, temporalOf } from './get-catalog.handler';
import { GetCatalogQuery } from './get-catalog.query';

const CITY = asCityId('3b0c6a52-0000-4000-8000-000000000001');
const config = {
  publicUrl: 'https://ledger.example.org',
  publicReads: { licenceUrl: 'https://creativecommons.org/licenses/by/4.0/', rateLimitPerMinute: 300 },
} as AppConfig;

const at = (day: number) => new Date(Date.UTC(2025, 0, day));
const series = (i: number): PublicSeriesRow => ({
  id: `series-${String(i).padStart(3, '0')}`,
  code: `S-${i}`,
  name: { en: `Series ${i}` },
  description: null,
  right: 'education',
  unit: 'percent',
  frameworkRefs: [],
  periods: ['2023', '2024-Q2'],
  issued: at(1),
  modified: at(i % 2 === 0 ? 2 : 20),
});
const dataset = (i: number): PublicDatasetRow => ({
  id: `dataset-${String(i).padStart(3, '0')}`,
  kind: 'dataset',
  title: `Dataset ${i}`,
  description: 'A dataset',
  owner: 'org-1',
  ownerName: 'Statistics office',
  sector: 'public',
  licence: 'CC0-1.0',
  updateFrequency: 'semiannual',
  accessUrl: null,
  format: 'API',
  temporalFrom: null,
  temporalTo: null,
  spatialCoverage: null,
  createdAt: at(1),
  updatedAt: at(i % 2 === 0 ? 3 : 21),
});

const datasetIds = (graph: Resource[]) =>
  graph.filter((r) => r.types.includes('dcat:Dataset')).map((r) => (r.id as string).split('#')[1]);
const total = (graph: Resource[]) =>
  graph
    .find((r) => r.types.includes('hydra:PagedCollection'))
    ?.props.find(([p]) => p === 'hydra:totalItems')?.[1];

describe('GetCatalogHandler', () => {
  let sources: InMemoryCatalogSources;
  let handler: GetCatalogHandler;

  beforeEach(() => {
    sources = new InMemoryCatalogSources();
    sources.cities.push({ id: CITY, slug: 'ghent', name: 'Ghent', locale: 'nl', countryCode: 'BE' });
    sources.seriesRows.set(
      CITY,
      Array.from({ length: 30 }, (_, i) => series(i)),
    );
    sources.datasetRows.set(
      CITY,
      Array.from({ length: 150 }, (_, i) => dataset(i)),
    );
    handler = new GetCatalogHandler(sources, config);
  });

  it('fills a page with the series first, then the datasets, and carries on where it stopped', async () => {
    const first = await handler.execute(new GetCatalogQuery('ghent', 1, null));
    const second = await handler.execute(new GetCatalogQuery('ghent', 2, null));
    const beyond = await handler.execute(new GetCatalogQuery('ghent', 3, null));
    expect(datasetIds(first)).toHaveLength(CATALOG_PAGE_SIZE);
    expect(datasetIds(first).slice(29, 31)).toEqual(['indicator-series-029', 'dataset-dataset-000']);
    expect(datasetIds(second)).toEqual(Array.from({ length: 80 }, (_, i) => `dataset-${dataset(70 + i).id}`));
    expect(datasetIds(beyond)).toEqual([]);
    expect(total(first)).toEqual({ value: '180', datatype: 'xsd:integer' });
  });

  it('keeps, with modified_since, the series and datasets that changed since', async () => {
    const graph = await handler.execute(new GetCatalogQuery('ghent', 1, at(10).toISOString()));
    expect(total(graph)).toEqual({ value: String(15 + 75), datatype: 'xsd:integer' });
    expect(datasetIds(graph).every((id) => Number(id.slice(-3)) % 2 === 1)).toBe(true);
  });

  it('refuses an unknown city', async () => {
    await expect(handler.execute(new GetCatalogQuery('nowhere', 1, null))).rejects.toMatchObject({
      code: 'CITY.NOT_FOUND',
    });
  });

  it('runs the temporal coverage from the first day of the first period to the last day of the last', () => {
    expect(temporalOf(['2024-Q2', '2013/14', '2023-02'])).toEqual({ start: '2013-01-01', end: '2024-06-30' });
    expect(temporalOf(['2024-02'])).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(temporalOf([])).toBeNull();
  });
});
