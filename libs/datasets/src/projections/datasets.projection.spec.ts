import { recorded, rowAfter } from '@rl/projections/testing';
import { DatasetEvent } from '../domain/dataset.events';
import {
  aDataset,
  anAssessment,
  catalogued,
  DATASET_ID,
  INDICATOR_ID,
  OWNER_ID,
} from '../domain/testing/dataset-fixtures';
import { DatasetAssessmentsProjection, evolveAssessmentRow } from './dataset-assessments.projection';
import { DatasetsProjection, detailsOf, evolveDatasetRow } from './datasets.projection';

const ASSESSOR = '0192f0aa-0000-7000-8000-00000000a0a1';
const details = aDataset({
  format: 'CSV',
  temporalCoverage: { from: '2019-01-01' },
  spatialCoverage: { label: 'Ghent', scheme: 'NUTS', code: 'BE234' },
});
const created = recorded<DatasetEvent>(catalogued(details));
const revised = recorded<DatasetEvent>(
  {
    type: 'DatasetRevised',
    data: { datasetId: DATASET_ID, changes: { title: 'Waiting list', format: null } },
  },
  { version: 2 },
);
const assessed = recorded<Extract<DatasetEvent, { type: 'DatasetAssessed' }>>(
  {
    type: 'DatasetAssessed',
    data: { datasetId: DATASET_ID, assessmentId: 'a1', ...anAssessment({ summary: 'Fine' }) },
  },
  { version: 3, metadata: { actorId: ASSESSOR, actorRole: 'researcher' } },
);

describe('datasets projection', () => {
  it('creates the row from the catalogued details', () => {
    expect(evolveDatasetRow(undefined, created)).toEqual({
      id: DATASET_ID,
      kind: 'dataset',
      title: 'Social housing waiting list',
      description: details.description,
      owner: OWNER_ID,
      sector: 'public',
      licence: 'CC-BY-4.0',
      updateFrequency: 'monthly',
      accessUrl: null,
      format: 'CSV',
      personalData: true,
      temporalFrom: '2019-01-01',
      temporalTo: null,
      spatialCoverage: { label: 'Ghent', scheme: 'NUTS', code: 'BE234' },
      indicators: [INDICATOR_ID],
      public: false,
      issued: null,
      modified: null,
      latestAssessmentId: null,
      assessments: 0,
      version: 1,
      createdAt: created.recordedAt,
      updatedAt: created.recordedAt,
    });
  });

  it('applies a revision and counts assessments, keeping the latest', () => {
    const row = rowAfter(new DatasetsProjection(), [created, revised, assessed]);
    expect(row).toMatchObject({
      title: 'Waiting list',
      format: null,
      latestAssessmentId: 'a1',
      assessments: 1,
      version: 3,
    });
    expect(row && detailsOf(row)).toEqual({ ...details, title: 'Waiting list', format: undefined });
  });

  it('skips an event the row already reflects', () => {
    const row = rowAfter(new DatasetsProjection(), [created, revised]);
    expect(rowAfter(new DatasetsProjection(), [revised], row)).toBe(row);
  });
});

describe('dataset assessments projection', () => {
  it('keeps each assessment with who made it and when', () => {
    expect(rowAfter(new DatasetAssessmentsProjection(), [assessed])).toEqual({
      datasetId: DATASET_ID,
      id: 'a1',
      assessedBy: ASSESSOR,
      assessorRole: 'researcher',
      assessedAt: assessed.recordedAt,
      relevance: 5,
      relevanceNote: null,
      accuracy: 4,
      accuracyNote: null,
      timeliness: 3,
      timelinessNote: null,
      accessibility: 2,
      accessibilityNote: 'Only on request, as a PDF',
      comparability: 3,
      comparabilityNote: null,
      verdict: 'adapt',
      summary: 'Fine',
    });
  });

  it('never rewrites an assessment on a replay', () => {
    const row = evolveAssessmentRow(undefined, assessed);
    expect(row && evolveAssessmentRow(row, assessed)).toBeUndefined();
  });
});
