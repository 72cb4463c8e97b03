import { CatalogInput, DatasetEntry, SeriesEntry } from '../dcat-catalog';

export const SERIES: SeriesEntry = {
  id: '6f1c2a4e-0000-4000-8000-000000000001',
  code: 'HOUS-01',
  name: { nl: 'Dakloze personen', en: 'Homeless people', fr: 'Personnes sans abri' },
  description: { nl: 'Aantal dakloze personen', en: 'Number of homeless people' },
  right: 'adequate housing',
  unit: 'persons',
  frameworkRefs: ['SDG:11.1.1'],
  temporal: { start: '2019-01-01', end: '2024-12-31' },
  issued: '2025-01-02T10:00:00.000Z',
  modified: '2025-03-04T10:00:00.000Z',
};

export const DATASET: DatasetEntry = {
  id: '6f1c2a4e-0000-4000-8000-000000000002',
  kind: 'dataset',
  title: 'Opvangcapaciteit (illustrative)',
  description: 'Bedden in de nachtopvang',
  owner: { id: '6f1c2a4e-0000-4000-8000-000000000003', name: 'Vluchtelingenwerk Vlaanderen' },
  sector: 'cso',
  licence: 'CC-BY-4.0',
  frequency: 'ANNUAL',
  accessUrl: 'https://data.example.org/opvang.csv',
  format: 'CSV',
  mediaType: 'text/csv',
  temporal: { start: '2020-01-01' },
  spatial: { scheme: 'NUTS', code: 'BE234' },
  issued: '2025-02-01T09:00:00.000Z',
  modified: '2025-02-05T09:00:00.000Z',
};

export const catalogInput = (overrides: Partial<CatalogInput> = {}): CatalogInput => ({
  publicUrl: 'https://ledger.example.org/',
  licence: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
  city: { slug: 'ghent', name: 'Ghent', locale: 'nl-BE', countryCode: 'be' },
  series: [SERIES],
  datasets: [DATASET],
  page: { number: 1, size: 100, total: 2 },
  modified: '2025-03-04T10:00:00.000Z',
  ...overrides,
});
