import { Decider } from '@rl/kernel';
import { PeriodCode } from './period-code';
import { PERIOD_EVENT_TYPES, PeriodDefinition, PeriodEvent } from './period.events';
import { PeriodErrors } from './reporting.errors';

export type PeriodState = { exists: false } | ({ exists: true } & PeriodDefinition);

// Codes and deadlines arrive parsed (see period-code.ts and deadline.ts): the decider sees valid values.
export type PeriodCommand =
  | { type: 'DefinePeriod'; periodId: string; period: PeriodCode; deadline: Date; timezone: string }
  | { type: 'MovePeriodDeadline'; deadline: Date; timezone: string };

const initialState = (): PeriodState => ({ exists: false });

function decide(command: PeriodCommand, state: PeriodState): PeriodEvent[] {
  switch (command.type) {
    case 'DefinePeriod': {
      if (state.exists) throw PeriodErrors.ALREADY_EXISTS();
      const { periodId, period, deadline, timezone } = command;
      return [
        {
          type: 'PeriodDefined',
          data: { periodId, ...period, deadline: deadline.toISOString(), timezone },
        },
      ];
    }
    case 'MovePeriodDeadline': {
      if (!state.exists) throw PeriodErrors.NOT_FOUND();
      const to = command.deadline.toISOString();
      if (to === state.deadline) return [];
      return [
        {
          type: 'PeriodDeadlineMoved',
          data: { periodId: state.periodId, from: state.deadline, to, timezone: command.timezone },
        },
      ];
    }
  }
}

function evolve(state: PeriodState, event: PeriodEvent): PeriodState {
  switch (event.type) {
    case 'PeriodDefined':
      return { exists: true, ...event.data };
    case 'PeriodDeadlineMoved':
      return state.exists ? { ...state, deadline: event.data.to, timezone: event.data.timezone } : state;
  }
}

export const periodDecider: Decider<PeriodState, PeriodCommand, PeriodEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: PERIOD_EVENT_TYPES,
};
