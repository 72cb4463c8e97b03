import { Assessment, DatasetDetails, DatasetEvent } from '../dataset.events';

export const DATASET_ID = '0192f0aa-0000-7000-8000-0000000000d1';
export const OWNER_ID = '0192f0aa-0000-7000-8000-0000000000b1';
export const INDICATOR_ID = '0192f0aa-0000-7000-8000-0000000000e1';

// A valid entry, as stored; tests override what they are about.
export const aDataset = (overrides: Partial<DatasetDetails> = {}): DatasetDetails => ({
  kind: 'dataset',
  title: 'Social housing waiting list',
  description: 'Applications for social housing, by household type (illustrative).',
  owner: OWNER_ID,
  sector: 'public',
  licence: 'CC-BY-4.0',
  updateFrequency: 'monthly',
  personalData: true,
  indicators: [INDICATOR_ID],
  public: false,
  ...overrides,
});

export const anAssessment = (overrides: Partial<Assessment> = {}): Assessment => ({
  scores: { relevance: 5, accuracy: 4, timeliness: 3, accessibility: 2, comparability: 3 },
  notes: { accessibility: 'Only on request, as a PDF' },
  verdict: 'adapt',
  ...overrides,
});

export const catalogued = (details = aDataset(), datasetId = DATASET_ID): DatasetEvent => ({
  type: 'DatasetCatalogued',
  data: { datasetId, details },
});
