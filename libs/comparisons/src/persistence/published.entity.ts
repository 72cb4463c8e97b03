import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CityIndicatorRow, CityRow } from '@rl/persistence';

// An indicator's publication flags: whether it may be compared across cities, and read by anyone.
export abstract class PublicationFlagsRow extends CityIndicatorRow {
  @Column({ type: 'boolean' })
  comparable!: boolean;

  @Column({ type: 'boolean' })
  public!: boolean;
}

// A city's reference population in a year, with its districts' where known.
export abstract class PopulationRow extends CityRow {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'double precision' })
  total!: number;

  @Column({ type: 'jsonb', nullable: true })
  districts!: Record<string, number> | null;
}

// What a city has published, one row per indicator and framework reference. Written by the city's
// publication projection; read across cities only through the reader roles' policies.
@Entity('published_indicators')
@Index('IDX_published_indicators_ref', ['framework', 'code'])
export class PublishedIndicatorRecord extends PublicationFlagsRow {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  framework!: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  code!: string;

  @Column({ name: 'city_slug', type: 'varchar', length: 63 })
  citySlug!: string;

  @Column({ name: 'city_name', type: 'varchar', length: 200 })
  cityName!: string;

  // The definition as compared (PublishedDefinition without the city fields).
  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;
}

// Validated headline values of published indicators, one per period.
@Entity('published_values')
export class PublishedValueRecord extends PublicationFlagsRow {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  period!: string;

  @Column({ type: 'varchar', length: 16 })
  granularity!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'integer' })
  series!: number;
}

// A city's reference population per year: public statistics, shared by every city for per-capita
// comparisons (anonymous readers see it once the city has published something).
@Entity('published_population')
export class PublishedPopulationRecord extends PopulationRow {}
