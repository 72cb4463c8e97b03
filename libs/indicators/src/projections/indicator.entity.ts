import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AggregateRow, CityRow } from '@rl/persistence';
import type {
  Benchmark,
  Disaggregation,
  FrameworkRef,
  IndicatorDirection,
  IndicatorStatus,
  IndicatorType,
  LocalisedText,
} from '../domain/indicator.events';

// Read model of the indicator-catalog projection; written only by it.
@Entity('indicators')
@Index('IDX_indicators_code', ['tenantId', 'code', 'id'])
export class IndicatorRecord extends AggregateRow {
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'jsonb' })
  name!: LocalisedText;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalisedText | null;

  @Column({ type: 'varchar', length: 100 })
  right!: string;

  @Column({ name: 'ohchr_attribute', type: 'varchar', length: 200, nullable: true })
  ohchrAttribute!: string | null;

  @Column({ type: 'varchar', length: 16 })
  type!: IndicatorType;

  @Column({ type: 'varchar', length: 100 })
  unit!: string;

  @Column({ type: 'varchar', length: 16 })
  direction!: IndicatorDirection;

  @Column({ type: 'jsonb' })
  disaggregations!: Disaggregation[];

  @Column({ name: 'framework_refs', type: 'jsonb' })
  frameworkRefs!: FrameworkRef[];

  @Column({ type: 'text', nullable: true })
  methodology!: string | null;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  baseline!: Benchmark | null;

  @Column({ type: 'jsonb', nullable: true })
  target!: Benchmark | null;

  // Ids of the linked glossary terms (none before indicators could link terms).
  @Column({ type: 'jsonb', default: () => "'[]'" })
  terms!: string[];

  @Column({ type: 'varchar', length: 16 })
  status!: IndicatorStatus;

  @Column({ type: 'integer' })
  series!: number;
}

// Write side: reserves an indicator code in the city, in the transaction that defines the indicator,
// so that two concurrent definitions with one code cannot both succeed. Not a read model.
@Entity('indicator_codes')
export class IndicatorCodeRecord extends CityRow {
  // Upper-cased: ND-P1 and nd-p1 are one code.
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;
}
