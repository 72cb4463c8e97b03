import { Column, Entity, PrimaryColumn } from 'typeorm';

// The comparison read model: per audience ('members' sees comparable and public indicators, 'public'
// only public ones) and framework code, the definitions and values of every city that published it,
// with the comparability of each city's definition. Cross-city by nature, so it has no tenant and holds
// nothing but published data. Rows for one period are computed from it when read.
@Entity('comparison_results')
export class ComparisonResultRecord {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  audience!: 'members' | 'public';

  @PrimaryColumn({ type: 'varchar', length: 16 })
  framework!: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  code!: string;

  // PublishedDefinition[] (one per city), PublishedValue[] and PopulationFigure[] as read.
  @Column({ type: 'jsonb' })
  definitions!: unknown[];

  @Column({ type: 'jsonb' })
  values!: unknown[];

  @Column({ type: 'jsonb' })
  population!: unknown[];

  // ComparisonRow[] per period code, ranked across every city that published.
  @Column({ type: 'jsonb' })
  rows!: Record<string, unknown[]>;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
