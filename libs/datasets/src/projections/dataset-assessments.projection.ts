import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { DatasetEvent } from '../domain/dataset.events';
import { DatasetAssessmentRecord } from '../persistence/dataset.entities';

export type AssessmentRow = Omit<DatasetAssessmentRecord, 'tenantId'>;
type Assessed = Extract<DatasetEvent, { type: 'DatasetAssessed' }>;

export const DATASET_ASSESSMENTS_PROJECTION = 'dataset-assessments';

// An assessment is written once and never changes (a new one is a new row): a replay changes nothing.
export function evolveAssessmentRow(
  row: AssessmentRow | undefined,
  event: RecordedEvent<Assessed>,
): AssessmentRow | undefined {
  if (row) return undefined;
  const { datasetId, assessmentId, scores, notes, verdict, summary } = event.data;
  return {
    datasetId,
    id: assessmentId,
    assessedBy: event.metadata.actorId ?? null,
    assessorRole: event.metadata.actorRole ?? null,
    assessedAt: event.recordedAt,
    relevance: scores.relevance,
    relevanceNote: notes.relevance ?? null,
    accuracy: scores.accuracy,
    accuracyNote: notes.accuracy ?? null,
    timeliness: scores.timeliness,
    timelinessNote: notes.timeliness ?? null,
    accessibility: scores.accessibility,
    accessibilityNote: notes.accessibility ?? null,
    comparability: scores.comparability,
    comparabilityNote: notes.comparability ?? null,
    verdict,
    summary: summary ?? null,
  };
}

const ASSESSOR_TEXTS = [
  'relevanceNote',
  'accuracyNote',
  'timelinessNote',
  'accessibilityNote',
  'comparabilityNote',
  'summary',
] as const;

@Injectable()
@ProjectionDefinition()
export class DatasetAssessmentsProjection extends rowProjection<AssessmentRow, Assessed>({
  name: DATASET_ASSESSMENTS_PROJECTION,
  table: 'dataset_assessments',
  handles: ['DatasetAssessed'],
  columns: {
    datasetId: 'uuid',
    id: 'uuid',
    assessedBy: 'uuid',
    assessorRole: 'text',
    assessedAt: 'timestamptz',
    relevance: 'int',
    relevanceNote: 'text',
    accuracy: 'int',
    accuracyNote: 'text',
    timeliness: 'int',
    timelinessNote: 'text',
    accessibility: 'int',
    accessibilityNote: 'text',
    comparability: 'int',
    comparabilityNote: 'text',
    verdict: 'text',
    summary: 'text',
  },
  key: ['datasetId', 'id'],
  keyOf: (event) => [event.data.datasetId, event.data.assessmentId],
  evolve: evolveAssessmentRow,
  personalText: ASSESSOR_TEXTS.map((text) => ({ text, owner: 'assessedBy' as const })),
}) {}
