import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { applyChanges } from '../domain/dataset-details';
import { DATASET_EVENT_TYPES, DatasetDetails, DatasetEvent } from '../domain/dataset.events';
import { DatasetRecord } from '../persistence/dataset.entities';

export type DatasetRow = Omit<DatasetRecord, 'tenantId'>;
type DetailColumns = Omit<
  DatasetRow,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'latestAssessmentId' | 'assessments'
>;

export const DATASETS_PROJECTION = 'datasets';

const columnsOf = (d: DatasetDetails): DetailColumns => ({
  kind: d.kind,
  title: d.title,
  description: d.description,
  owner: d.owner,
  sector: d.sector,
  licence: d.licence,
  updateFrequency: d.updateFrequency,
  accessUrl: d.accessUrl ?? null,
  format: d.format ?? null,
  personalData: d.personalData,
  temporalFrom: d.temporalCoverage?.from ?? null,
  temporalTo: d.temporalCoverage?.to ?? null,
  spatialCoverage: d.spatialCoverage ?? null,
  indicators: d.indicators,
  public: d.public,
  issued: d.issued ?? null,
  modified: d.modified ?? null,
});

// The details a row holds, as the decider knows them (a revision applies to them).
export function detailsOf(row: DatasetRow): DatasetDetails {
  const optional = <T>(value: T | null) => value ?? undefined;
  const time = { from: optional(row.temporalFrom), to: optional(row.temporalTo) };
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    owner: row.owner,
    sector: row.sector,
    licence: row.licence,
    updateFrequency: row.updateFrequency,
    accessUrl: optional(row.accessUrl),
    format: optional(row.format),
    personalData: row.personalData,
    temporalCoverage: time.from || time.to ? time : undefined,
    spatialCoverage: optional(row.spatialCoverage),
    indicators: row.indicators,
    public: row.public,
    issued: optional(row.issued),
    modified: optional(row.modified),
  };
}

export function evolveDatasetRow(
  row: DatasetRow | undefined,
  event: RecordedEvent<DatasetEvent>,
): DatasetRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'DatasetCatalogued': {
      const { datasetId, details } = event.data;
      return {
        id: datasetId,
        ...columnsOf(details),
        latestAssessmentId: null,
        assessments: 0,
        createdAt: event.recordedAt,
        ...stamp,
      };
    }
    case 'DatasetRevised':
      return row && { ...row, ...columnsOf(applyChanges(detailsOf(row), event.data.changes)), ...stamp };
    case 'DatasetAssessed':
      return (
        row && {
          ...row,
          latestAssessmentId: event.data.assessmentId,
          assessments: row.assessments + 1,
          ...stamp,
        }
      );
  }
}

@Injectable()
@ProjectionDefinition()
export class DatasetsProjection extends rowProjection<DatasetRow, DatasetEvent>({
  name: DATASETS_PROJECTION,
  table: 'datasets',
  handles: DATASET_EVENT_TYPES,
  columns: {
    id: 'uuid',
    kind: 'text',
    title: 'text',
    description: 'text',
    owner: 'uuid',
    sector: 'text',
    licence: 'text',
    updateFrequency: 'text',
    accessUrl: 'text',
    format: 'text',
    personalData: 'bool',
    temporalFrom: 'date',
    temporalTo: 'date',
    spatialCoverage: 'jsonb',
    indicators: 'jsonb',
    public: 'bool',
    issued: 'date',
    modified: 'date',
    latestAssessmentId: 'uuid',
    assessments: 'int',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.datasetId],
  version: 'version',
  evolve: evolveDatasetRow,
}) {}
