import { recorded, rowAfter } from '@rl/projections/testing';
import { PeriodEvent } from '../domain/period.events';
import { evolvePeriodRow, PeriodsProjection } from './periods.projection';

const periodId = '00000000-0000-7000-8000-0000000000a1';
const defined = recorded<PeriodEvent>({
  type: 'PeriodDefined',
  data: {
    periodId,
    code: '2026-Q1',
    granularity: 'quarter',
    start: '2026-01-01',
    end: '2026-04-01',
    deadline: '2026-04-30T21:59:59.000Z',
    timezone: 'Europe/Brussels',
  },
});
const moved = recorded<PeriodEvent>(
  {
    type: 'PeriodDeadlineMoved',
    data: { periodId, from: '2026-04-30T21:59:59.000Z', to: '2026-05-15T10:00:00.000Z', timezone: 'UTC' },
  },
  { version: 2 },
);

describe('periods projection', () => {
  it('creates the period with its deadline as an instant', () => {
    expect(evolvePeriodRow(undefined, defined)).toEqual({
      id: periodId,
      code: '2026-Q1',
      granularity: 'quarter',
      start: '2026-01-01',
      end: '2026-04-01',
      deadline: new Date('2026-04-30T21:59:59.000Z'),
      timezone: 'Europe/Brussels',
      version: 1,
      createdAt: defined.recordedAt,
      updatedAt: defined.recordedAt,
    });
  });

  it('moves the deadline and its zone, nothing else', () => {
    const before = evolvePeriodRow(undefined, defined);
    expect(rowAfter(new PeriodsProjection(), [defined, moved])).toEqual({
      ...before,
      deadline: new Date('2026-05-15T10:00:00.000Z'),
      timezone: 'UTC',
      version: 2,
      updatedAt: moved.recordedAt,
    });
  });

  it('ignores a move of a period it never saw defined', () => {
    expect(evolvePeriodRow(undefined, moved)).toBeUndefined();
  });
});
