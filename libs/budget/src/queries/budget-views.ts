import { BudgetCallRecord, BudgetLineRecord, FundedProjectRecord } from '../persistence/budget.entities';
import { BudgetLineView, CallView, FundedProjectView } from '../budget.views';

const stamped = (row: { id: string; version: number; createdAt: Date; updatedAt: Date }) => ({
  id: row.id,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toLineView = (row: BudgetLineRecord): BudgetLineView => ({
  ...stamped(row),
  code: row.code,
  title: row.title,
  year: row.year,
  amount: { value: row.amount, currency: row.currency },
  indicators: row.indicators,
  committed: { value: row.committed, currency: row.currency },
  public: row.public,
});

export const toCallView = (row: BudgetCallRecord): CallView => ({
  ...stamped(row),
  budgetLineId: row.budgetLineId,
  title: row.title,
  opens: row.opens.toISOString(),
  closes: row.closes.toISOString(),
  criteria: row.criteria,
});

export const toProjectView = (row: FundedProjectRecord): FundedProjectView => ({
  ...stamped(row),
  callId: row.callId,
  budgetLineId: row.budgetLineId,
  organisationId: row.organisationId,
  title: row.title,
  amount: { value: row.amount, currency: row.currency },
  contributions: row.contributions,
});
