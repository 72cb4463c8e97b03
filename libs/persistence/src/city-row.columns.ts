import { Column, PrimaryColumn } from 'typeorm';

// Columns shared by the tables of a city, inherited by their entities (the schema is the same as if
// each entity declared them). A city's rows are keyed by the city first: row-level security and every
// index start there.
export abstract class CityRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;
}

// A row about one indicator of the city.
export abstract class CityIndicatorRow extends CityRow {
  @PrimaryColumn({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;
}

// A projection's row of one aggregate: its id, the stream version it reflects (replays of older events
// are ignored) and when the stream began and last changed.
export abstract class AggregateRow extends CityRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
