import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AggregateRow, CityRow } from '@rl/persistence';
import type { Contribution, Criterion } from '../domain/budget.events';

// Read models of the budget projections; written only by them. The public reader roles see rows under a
// published line only (budget_publication).
@Entity('budget_lines')
@Index('IDX_budget_lines_year_code', ['tenantId', 'year', 'code', 'id'])
export class BudgetLineRecord extends AggregateRow {
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'double precision' })
  amount!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'jsonb' })
  indicators!: string[];

  // What funded projects take from the line.
  @Column({ type: 'double precision' })
  committed!: number;

  @Column({ type: 'boolean' })
  public!: boolean;
}

@Entity('budget_calls')
@Index('IDX_budget_calls_line', ['tenantId', 'budgetLineId', 'id'])
export class BudgetCallRecord extends AggregateRow {
  @Column({ name: 'budget_line_id', type: 'uuid' })
  budgetLineId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'timestamptz' })
  opens!: Date;

  @Column({ type: 'timestamptz' })
  closes!: Date;

  @Column({ type: 'jsonb' })
  criteria!: Criterion[];
}

@Entity('funded_projects')
@Index('IDX_funded_projects_call', ['tenantId', 'callId', 'id'])
export class FundedProjectRecord extends AggregateRow {
  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @Column({ name: 'budget_line_id', type: 'uuid' })
  budgetLineId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'double precision' })
  amount!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'jsonb' })
  contributions!: Contribution[];
}

// Write side: a budget line's code is unique in its city and year; reserved in the append's transaction.
@Entity('budget_line_codes')
export class BudgetLineCodeRecord extends CityRow {
  @PrimaryColumn('integer')
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId!: string;
}

// Whether a line (with its calls and projects) is public; written with BudgetLinePublicationChanged, so
// a withdrawal holds from its commit on. Read by the public reader roles' policies.
@Entity('budget_publication')
export class BudgetPublicationRecord extends CityRow {
  @PrimaryColumn({ name: 'line_id', type: 'uuid' })
  lineId!: string;

  @Column({ type: 'boolean' })
  public!: boolean;
}

export const BUDGET_ENTITIES = [
  BudgetLineRecord,
  BudgetCallRecord,
  FundedProjectRecord,
  BudgetLineCodeRecord,
  BudgetPublicationRecord,
];
