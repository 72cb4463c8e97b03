import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PERIOD_GRANULARITIES, PeriodGranularity } from '../domain/period-code';

// Read model of the periods projection; written only by it.
@Entity('periods')
@Index('IDX_periods_start', ['tenantId', 'start', 'end', 'id'])
export class PeriodRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn('uuid')
  id!: string;

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

  // The stream version this row reflects; replays of older events are ignored.
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
