import { Column, Entity, Index } from 'typeorm';
import { AggregateRow } from '@rl/persistence';
import { PERIOD_GRANULARITIES, PeriodGranularity } from '../domain/period-code';

// Read model of the periods projection; written only by it.
@Entity('periods')
@Index('IDX_periods_start', ['tenantId', 'start', 'end', 'id'])
export class PeriodRecord extends AggregateRow {
  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'enum', enum: PERIOD_GRANULARITIES, enumName: 'period_granularity' })
  granularity!: PeriodGranularity;

  // First day of the period, and the first day after it (exclusive).
  @Column({ type: 'date' })
  start!: string;

  @Column({ type: 'date' })
  end!: string;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;
}
