import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CityIndicatorRow, CityRow } from '@rl/persistence';
import { PopulationRow, PublicationFlagsRow } from './published.entity';

// The publication projection's own view of the city (tenant-private): every indicator's definition and
// flags, periods, and every validated headline value, so that publishing later needs no other read model.
@Entity('publication_indicators')
export class PublicationIndicatorRecord extends CityIndicatorRow {
  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;

  // 'SDG:3.2.1', 'FRA:…'
  @Column({ name: 'framework_refs', type: 'text', array: true })
  frameworkRefs!: string[];

  @Column({ type: 'boolean' })
  retired!: boolean;

  @Column({ type: 'boolean', default: false })
  comparable!: boolean;

  @Column({ type: 'boolean', default: false })
  public!: boolean;
}

@Entity('publication_periods')
export class PublicationPeriodRecord extends CityRow {
  @PrimaryColumn({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  granularity!: string;

  @Column({ type: 'integer' })
  year!: number;
}

@Entity('publication_values')
export class PublicationValueRecord extends CityIndicatorRow {
  @PrimaryColumn({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'integer' })
  series!: number;
}

@Entity('publication_population')
export class PublicationPopulationRecord extends PopulationRow {}

// An indicator's publication flags as of the city's last PublicationChanged, written in the transaction
// that appends it (not by a projection): what public and comparable reads check, so that a withdrawal
// holds as soon as it is answered, whatever the publication projection and recomputation are doing.
@Entity('publication_flags')
export class PublicationFlagsRecord extends PublicationFlagsRow {}
