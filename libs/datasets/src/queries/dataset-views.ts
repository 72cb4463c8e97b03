import { FORMAT_MEDIA_TYPES } from '../domain/dataset-vocabularies';
import { AssessmentView, DatasetView } from '../dataset.view';
import { AssessmentRow } from '../projections/dataset-assessments.projection';
import { DatasetRow } from '../projections/datasets.projection';

export const toAssessmentView = (row: AssessmentRow): AssessmentView => ({
  id: row.id,
  datasetId: row.datasetId,
  checklist: {
    relevance: { score: row.relevance, note: row.relevanceNote },
    accuracy: { score: row.accuracy, note: row.accuracyNote },
    timeliness: { score: row.timeliness, note: row.timelinessNote },
    accessibility: { score: row.accessibility, note: row.accessibilityNote },
    comparability: { score: row.comparability, note: row.comparabilityNote },
  },
  verdict: row.verdict,
  summary: row.summary,
  assessedBy: { id: row.assessedBy, role: row.assessorRole },
  assessedAt: row.assessedAt.toISOString(),
});

export const toDatasetView = (row: DatasetRow, latest: AssessmentRow | null): DatasetView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  description: row.description,
  owner: row.owner,
  sector: row.sector,
  licence: row.licence,
  updateFrequency: row.updateFrequency,
  accessUrl: row.accessUrl,
  format: row.format,
  mediaType: row.format === null ? null : FORMAT_MEDIA_TYPES[row.format],
  personalData: row.personalData,
  temporalCoverage:
    row.temporalFrom === null && row.temporalTo === null
      ? null
      : { from: row.temporalFrom, to: row.temporalTo },
  spatialCoverage: row.spatialCoverage,
  indicators: row.indicators,
  public: row.public,
  issued: row.issued,
  modified: row.modified,
  assessments: row.assessments,
  latestAssessment: latest && toAssessmentView(latest),
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
