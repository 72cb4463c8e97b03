import { Injectable } from '@nestjs/common';
import { EventStore, RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { evolveIndicator, IndicatorState, initialIndicatorState } from './domain/indicator.decider';
import { IndicatorEvent, indicatorStream } from './domain/indicator.events';

export interface LoadedIndicator {
  state: IndicatorState;
  version: number;
  position: number;
  events: RecordedEvent[];
  createdAt?: Date;
  updatedAt?: Date;
}

// An indicator rebuilt from its own events: the aggregate for commands, the as-of view and the history.
@Injectable()
export class IndicatorHistory {
  constructor(private readonly events: EventStore) {}

  async load(cityId: CityId, indicatorId: string, asOf?: Date): Promise<LoadedIndicator> {
    const events = await this.events.readStream(cityId, indicatorStream(indicatorId), { asOf });
    const last = events[events.length - 1];
    return {
      state: events.reduce(
        (state, event) => evolveIndicator(state, event as unknown as IndicatorEvent),
        initialIndicatorState,
      ),
      version: last?.version ?? 0,
      position: last?.position ?? 0,
      events,
      createdAt: events[0]?.recordedAt,
      updatedAt: last?.recordedAt,
    };
  }
}
