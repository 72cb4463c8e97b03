import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AggregateRow, CityRow } from '@rl/persistence';
import type { SpatialCoverage, Verdict } from '../domain/dataset.events';
import type { DatasetFormat, DatasetKind, Sector, UpdateFrequency } from '../domain/dataset-vocabularies';

// Read model of the datasets projection (the city's catalogue); written only by it. The public reader
// roles see the catalogue columns of entries marked public, for the DCAT-AP catalogue.
@Entity('datasets')
@Index('IDX_datasets_title', ['tenantId', 'title', 'id'])
export class DatasetRecord extends AggregateRow {
  @Column({ type: 'varchar', length: 20 })
  kind!: DatasetKind;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'uuid' })
  owner!: string;

  @Column({ type: 'varchar', length: 16 })
  sector!: Sector;

  @Column({ type: 'varchar', length: 100 })
  licence!: string;

  @Column({ name: 'update_frequency', type: 'varchar', length: 20 })
  updateFrequency!: UpdateFrequency;

  @Column({ name: 'access_url', type: 'text', nullable: true })
  accessUrl!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  format!: DatasetFormat | null;

  @Column({ name: 'personal_data', type: 'boolean' })
  personalData!: boolean;

  @Column({ name: 'temporal_from', type: 'date', nullable: true })
  temporalFrom!: string | null;

  @Column({ name: 'temporal_to', type: 'date', nullable: true })
  temporalTo!: string | null;

  @Column({ name: 'spatial_coverage', type: 'jsonb', nullable: true })
  spatialCoverage!: SpatialCoverage | null;

  // Ids of the indicators it feeds. A city catalogues tens to hundreds of datasets: an indicator's
  // datasets are found by a scan of the city's rows, with no index of their own.
  @Column({ type: 'jsonb' })
  indicators!: string[];

  @Column({ type: 'boolean' })
  public!: boolean;

  @Column({ type: 'date', nullable: true })
  issued!: string | null;

  @Column({ type: 'date', nullable: true })
  modified!: string | null;

  @Column({ name: 'latest_assessment_id', type: 'uuid', nullable: true })
  latestAssessmentId!: string | null;

  @Column({ type: 'integer' })
  assessments!: number;
}

// Read model of the dataset-assessments projection: every assessment, kept. The notes are the
// assessor's words, blanked when they are erased.
@Entity('dataset_assessments')
export class DatasetAssessmentRecord extends CityRow {
  @PrimaryColumn({ name: 'dataset_id', type: 'uuid' })
  datasetId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'assessed_by', type: 'uuid', nullable: true })
  assessedBy!: string | null;

  @Column({ name: 'assessor_role', type: 'varchar', length: 20, nullable: true })
  assessorRole!: string | null;

  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt!: Date;

  @Column({ type: 'integer' })
  relevance!: number;

  @Column({ name: 'relevance_note', type: 'text', nullable: true })
  relevanceNote!: string | null;

  @Column({ type: 'integer' })
  accuracy!: number;

  @Column({ name: 'accuracy_note', type: 'text', nullable: true })
  accuracyNote!: string | null;

  @Column({ type: 'integer' })
  timeliness!: number;

  @Column({ name: 'timeliness_note', type: 'text', nullable: true })
  timelinessNote!: string | null;

  @Column({ type: 'integer' })
  accessibility!: number;

  @Column({ name: 'accessibility_note', type: 'text', nullable: true })
  accessibilityNote!: string | null;

  @Column({ type: 'integer' })
  comparability!: number;

  @Column({ name: 'comparability_note', type: 'text', nullable: true })
  comparabilityNote!: string | null;

  @Column({ type: 'varchar', length: 16 })
  verdict!: Verdict;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;
}

export const DATASETS_ENTITIES = [DatasetRecord, DatasetAssessmentRecord];
