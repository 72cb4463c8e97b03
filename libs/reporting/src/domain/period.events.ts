import { PeriodGranularity } from './period-code';

export interface PeriodDefinition {
  periodId: string;
  code: string;
  granularity: PeriodGranularity;
  start: string;
  end: string;
  // The UTC instant, and the zone it was given in (reminders are phrased in local time).
  deadline: string;
  timezone: string;
}

export type PeriodEvent =
  | { type: 'PeriodDefined'; data: PeriodDefinition }
  | { type: 'PeriodDeadlineMoved'; data: { periodId: string; from: string; to: string; timezone: string } };

export type PeriodEventType = PeriodEvent['type'];

export const PERIOD_EVENT_TYPES: readonly PeriodEventType[] = ['PeriodDefined', 'PeriodDeadlineMoved'];

export const periodStream = (periodId: string) => `period-${periodId}`;
