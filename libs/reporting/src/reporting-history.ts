import { Injectable } from '@nestjs/common';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { AssignmentState, evolveAssignment, initialAssignmentState } from './domain/assignment.decider';
import { AssignmentEvent, assignmentStream } from './domain/assignment.events';
import {
  CitySettings,
  CitySettingsEvent,
  citySettingsStream,
  DEFAULT_CITY_SETTINGS,
  evolveCitySettings,
} from './domain/city-settings';
import { evolvePeriod, initialPeriodState, PeriodState } from './domain/period.decider';
import { PeriodEvent, periodStream } from './domain/period.events';

export interface Loaded<S> {
  state: S;
  version: number;
  position: number;
}

// Periods, assignments and city settings rebuilt from their own events: the aggregates for commands.
@Injectable()
export class PeriodHistory {
  constructor(private readonly events: EventStore) {}

  async load(cityId: CityId, periodId: string): Promise<Loaded<PeriodState>> {
    const events = await this.events.readStream(cityId, periodStream(periodId));
    const last = events[events.length - 1];
    return {
      state: events.reduce(
        (state, e) => evolvePeriod(state, e as unknown as PeriodEvent),
        initialPeriodState,
      ),
      version: last?.version ?? 0,
      position: last?.position ?? 0,
    };
  }
}

@Injectable()
export class AssignmentHistory {
  constructor(private readonly events: EventStore) {}

  async load(cityId: CityId, assignmentId: string): Promise<Loaded<AssignmentState>> {
    const events = await this.events.readStream(cityId, assignmentStream(assignmentId));
    const last = events[events.length - 1];
    return {
      state: events.reduce(
        (state, e) => evolveAssignment(state, e as unknown as AssignmentEvent),
        initialAssignmentState,
      ),
      version: last?.version ?? 0,
      position: last?.position ?? 0,
    };
  }
}

@Injectable()
export class CitySettingsHistory {
  constructor(private readonly events: EventStore) {}

  async load(cityId: CityId): Promise<Loaded<CitySettings>> {
    const events = await this.events.readStream(cityId, citySettingsStream(cityId));
    const last = events[events.length - 1];
    return {
      state: events.reduce(
        (state, e) => evolveCitySettings(state, e as unknown as CitySettingsEvent),
        DEFAULT_CITY_SETTINGS,
      ),
      version: last?.version ?? 0,
      position: last?.position ?? 0,
    };
  }
}
