import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { PERIOD_EVENT_TYPES, PeriodEvent } from '../domain/period.events';
import { PeriodRecord } from './period.entity';

export type PeriodRow = Omit<PeriodRecord, 'tenantId'>;

export const PERIODS_PROJECTION = 'periods';

export function evolvePeriodRow(
  row: PeriodRow | undefined,
  event: RecordedEvent<PeriodEvent>,
): PeriodRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'PeriodDefined': {
      const { periodId, deadline, ...period } = event.data;
      return { id: periodId, ...period, deadline: new Date(deadline), createdAt: event.recordedAt, ...stamp };
    }
    case 'PeriodDeadlineMoved': {
      const { to, timezone } = event.data;
      return row && { ...row, deadline: new Date(to), timezone, ...stamp };
    }
  }
}

@Injectable()
@ProjectionDefinition()
export class PeriodsProjection extends rowProjection<PeriodRow, PeriodEvent>({
  name: PERIODS_PROJECTION,
  table: 'periods',
  handles: PERIOD_EVENT_TYPES,
  columns: {
    id: 'uuid',
    code: 'text',
    granularity: 'period_granularity',
    start: 'date',
    end: 'date',
    deadline: 'timestamptz',
    timezone: 'text',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.periodId],
  version: 'version',
  evolve: evolvePeriodRow,
}) {}
