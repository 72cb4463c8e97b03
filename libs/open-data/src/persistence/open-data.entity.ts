import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CityIndicatorRow, CityRow } from '@rl/persistence';
import { SdmxMapping } from '../domain/sdmx-mapping';

// A city's period codes, to label observations (tenant-private).
@Entity('open_data_periods')
export class OpenDataPeriodRecord extends CityRow {
  @PrimaryColumn({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ type: 'varchar', length: 16 })
  code!: string;
}

// What a submission was last submitted under (the validation event does not repeat it).
@Entity('open_data_submissions')
export class OpenDataSubmissionRecord extends CityRow {
  @PrimaryColumn({ name: 'submission_id', type: 'uuid' })
  submissionId!: string;

  @Column({ name: 'definition_version', type: 'integer' })
  definitionVersion!: number;

  @Column({ type: 'text', nullable: true })
  source!: string | null;
}

// An indicator's publication flags as the open-data projection last saw them (tenant-private).
@Entity('open_data_indicators')
export class OpenDataIndicatorRecord extends CityIndicatorRow {
  @Column({ type: 'boolean' })
  comparable!: boolean;

  @Column({ type: 'boolean' })
  public!: boolean;

  @Column({ type: 'boolean' })
  retired!: boolean;
}

// One validated cell: a period and a disaggregation ('' key: the total) of an indicator.
export abstract class ObservationRow extends CityIndicatorRow {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  period!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  disaggregation!: Record<string, string>;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'definition_version', type: 'integer' })
  definitionVersion!: number;

  @Column({ type: 'integer' })
  series!: number;

  @Column({ type: 'text', nullable: true })
  source!: string | null;
}

// Every validated cell of every indicator (tenant-private), to publish from when the flags change.
@Entity('open_data_observations')
export class OpenDataObservationRecord extends ObservationRow {}

// Validated cells of published indicators, unsuppressed: the reader roles see them under the same
// policies as published_values, and every public output suppresses small numbers when reading them.
@Entity('published_observations')
export class PublishedObservationRecord extends ObservationRow {
  @Column({ type: 'boolean' })
  comparable!: boolean;

  @Column({ type: 'boolean' })
  public!: boolean;
}

// An indicator's small-number rule, read by every public output.
@Entity('published_disclosure_rules')
export class PublishedDisclosureRuleRecord extends CityIndicatorRow {
  @Column({ name: 'min_count', type: 'integer' })
  minCount!: number;

  @Column({ type: 'boolean' })
  secondary!: boolean;
}

// An indicator's SDMX mapping, read by the SDMX-CSV export.
@Entity('published_sdmx_mappings')
export class PublishedSdmxMappingRecord extends CityIndicatorRow {
  @Column({ type: 'jsonb' })
  mapping!: SdmxMapping;
}

export const OPEN_DATA_ENTITIES = [
  OpenDataPeriodRecord,
  OpenDataSubmissionRecord,
  OpenDataIndicatorRecord,
  OpenDataObservationRecord,
  PublishedObservationRecord,
  PublishedDisclosureRuleRecord,
  PublishedSdmxMappingRecord,
];
