import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { cents } from '../domain/budget-limits';
import {
  BUDGET_LINE_EVENT_TYPES,
  BudgetLineEvent,
  CALL_EVENT_TYPES,
  CallEvent,
  FUNDED_PROJECT_EVENT_TYPES,
  FundedProjectEvent,
} from '../domain/budget.events';
import { withReports } from '../domain/funded-project.decider';
import { BudgetCallRecord, BudgetLineRecord, FundedProjectRecord } from '../persistence/budget.entities';

export type BudgetLineRow = Omit<BudgetLineRecord, 'tenantId'>;
export type BudgetCallRow = Omit<BudgetCallRecord, 'tenantId'>;
export type FundedProjectRow = Omit<FundedProjectRecord, 'tenantId'>;

export const BUDGET_LINES_PROJECTION = 'budget-lines';
export const BUDGET_CALLS_PROJECTION = 'budget-calls';
export const FUNDED_PROJECTS_PROJECTION = 'funded-projects';

const stamp = (event: RecordedEvent) => ({ version: event.version, updatedAt: event.recordedAt });
const created = (event: RecordedEvent) => ({ createdAt: event.recordedAt, ...stamp(event) });
const AGGREGATE_COLUMNS = { id: 'uuid', version: 'int', createdAt: 'timestamptz', updatedAt: 'timestamptz' };

export function evolveBudgetLineRow(
  row: BudgetLineRow | undefined,
  event: RecordedEvent<BudgetLineEvent>,
): BudgetLineRow | undefined {
  switch (event.type) {
    case 'BudgetLineCreated': {
      const { lineId, code, title, year, amount, indicators } = event.data;
      const money = { amount: amount.value, currency: amount.currency };
      return {
        id: lineId,
        code,
        title,
        year,
        ...money,
        indicators,
        committed: 0,
        public: false,
        ...created(event),
      };
    }
    case 'BudgetLineRevised': {
      const { title, amount, indicators } = event.data;
      return (
        row && {
          ...row,
          ...(title !== undefined && { title }),
          ...(amount !== undefined && { amount: amount.value, currency: amount.currency }),
          ...(indicators !== undefined && { indicators }),
          ...stamp(event),
        }
      );
    }
    case 'BudgetLinePublicationChanged':
      return row && { ...row, public: event.data.public, ...stamp(event) };
    case 'BudgetLineCallAttached':
      return row && { ...row, ...stamp(event) };
    case 'BudgetLineFundsCommitted':
      return (
        row && {
          ...row,
          committed: (cents(row.committed) + cents(event.data.amount.value)) / 100,
          ...stamp(event),
        }
      );
  }
}

@Injectable()
@ProjectionDefinition()
export class BudgetLinesProjection extends rowProjection<BudgetLineRow, BudgetLineEvent>({
  name: BUDGET_LINES_PROJECTION,
  table: 'budget_lines',
  handles: BUDGET_LINE_EVENT_TYPES,
  columns: {
    ...AGGREGATE_COLUMNS,
    code: 'text',
    title: 'text',
    year: 'int',
    amount: 'float8',
    currency: 'text',
    indicators: 'jsonb',
    committed: 'float8',
    public: 'bool',
  },
  key: ['id'],
  keyOf: (event) => [event.data.lineId],
  version: 'version',
  evolve: evolveBudgetLineRow,
}) {}

export const evolveCallRow = (
  _: BudgetCallRow | undefined,
  event: RecordedEvent<CallEvent>,
): BudgetCallRow => {
  const { callId, budgetLineId, title, opens, closes, criteria } = event.data;
  return {
    id: callId,
    budgetLineId,
    title,
    opens: new Date(opens),
    closes: new Date(closes),
    criteria,
    ...created(event),
  };
};

@Injectable()
@ProjectionDefinition()
export class BudgetCallsProjection extends rowProjection<BudgetCallRow, CallEvent>({
  name: BUDGET_CALLS_PROJECTION,
  table: 'budget_calls',
  handles: CALL_EVENT_TYPES,
  columns: {
    ...AGGREGATE_COLUMNS,
    budgetLineId: 'uuid',
    title: 'text',
    opens: 'timestamptz',
    closes: 'timestamptz',
    criteria: 'jsonb',
  },
  key: ['id'],
  keyOf: (event) => [event.data.callId],
  version: 'version',
  evolve: evolveCallRow,
}) {}

export function evolveFundedProjectRow(
  row: FundedProjectRow | undefined,
  event: RecordedEvent<FundedProjectEvent>,
): FundedProjectRow | undefined {
  if (event.type === 'ProjectFunded') {
    const { projectId, callId, budgetLineId, organisationId, title, amount, contributions } = event.data;
    return {
      id: projectId,
      callId,
      budgetLineId,
      organisationId,
      title,
      amount: amount.value,
      currency: amount.currency,
      contributions: contributions.map((c) => ({ ...c, reported: null })),
      ...created(event),
    };
  }
  return (
    row && {
      ...row,
      contributions: withReports(row.contributions, event.data.contributions),
      ...stamp(event),
    }
  );
}

@Injectable()
@ProjectionDefinition()
export class FundedProjectsProjection extends rowProjection<FundedProjectRow, FundedProjectEvent>({
  name: FUNDED_PROJECTS_PROJECTION,
  table: 'funded_projects',
  handles: FUNDED_PROJECT_EVENT_TYPES,
  columns: {
    ...AGGREGATE_COLUMNS,
    callId: 'uuid',
    budgetLineId: 'uuid',
    organisationId: 'uuid',
    title: 'text',
    amount: 'float8',
    currency: 'text',
    contributions: 'jsonb',
  },
  key: ['id'],
  keyOf: (event) => [event.data.projectId],
  version: 'version',
  evolve: evolveFundedProjectRow,
}) {}
