import { CityId } from '@rl/kernel';

// Published on the CQRS event bus after a transaction with appends committed: wakes the projections.
export class EventsAppended {
  constructor(
    readonly cityId: CityId,
    readonly types: readonly string[],
    readonly position: number,
  ) {}
}
