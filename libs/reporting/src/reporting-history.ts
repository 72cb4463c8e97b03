import { Injectable } from '@nestjs/common';
import { EventStore, foldStream, Loaded } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { AssignmentState, evolveAssignment, initialAssignmentState } from './domain/assignment.decider';
import { assignmentStream } from './domain/assignment.events';
import {
  CitySettings,
  citySettingsStream,
  DEFAULT_CITY_SETTINGS,
  evolveCitySettings,
} from './domain/city-settings';
import { evolvePeriod, initialPeriodState, PeriodState } from './domain/period.decider';
import { periodStream } from './domain/period.events';

// Periods, assignments and city settings rebuilt from their own events: the aggregates for commands.
@Injectable()
export class PeriodHistory {
  constructor(private readonly events: EventStore) {}

  async load(cityId: CityId, periodId: string): Promise<Loaded<PeriodState>> {
    return foldStream(
      await this.events.readStream(cityId, periodStream(periodId)),
      evolvePeriod,
      initialPeriodState,
    );
  }
}

@Injectable()
export class AssignmentHistory {
  constructor(private readonly events: EventStore) {}

  async load(cityId: CityId, assignmentId: string): Promise<Loaded<AssignmentState>> {
    const events = await this.events.readStream(cityId, assignmentStream(assignmentId));
    return foldStream(events, evolveAssignment, initialAssignmentState);
  }
}

@Injectable()
export class CitySettingsHistory {
  constructor(private readonly events: EventStore) {}

  async load(cityId: CityId): Promise<Loaded<CitySettings>> {
    const events = await this.events.readStream(cityId, citySettingsStream(cityId));
    return foldStream(events, evolveCitySettings, DEFAULT_CITY_SETTINGS);
  }
}
