import { Injectable } from '@nestjs/common';
import { Aggregates, EventStore } from '@rl/event-store';
import { indicatorDecider, indicatorStream } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { DeclaredDimension } from '@rl/forms';
import { assignmentStream } from '@rl/reporting';

export interface AssignmentSlot {
  indicatorId: string;
  organisationId: string;
  periodId: string;
}

// What connections and pulls read of other contexts, from their streams (a connection made right after
// its assignment must find it): assignments and indicators.
export abstract class CollectionReferences {
  // undefined: no such assignment in the city, or it was withdrawn.
  abstract assignment(cityId: CityId, assignmentId: string): Promise<AssignmentSlot | undefined>;
  // The indicator's declared dimensions; undefined: no such indicator in the city.
  abstract dimensions(cityId: CityId, indicatorId: string): Promise<DeclaredDimension[] | undefined>;
}

@Injectable()
export class PgCollectionReferences extends CollectionReferences {
  constructor(
    private readonly events: EventStore,
    private readonly aggregates: Aggregates,
  ) {
    super();
  }

  async assignment(cityId: CityId, assignmentId: string): Promise<AssignmentSlot | undefined> {
    const events = await this.events.readStream(cityId, assignmentStream(assignmentId));
    if (events.some((event) => event.type === 'AssignmentWithdrawn')) return undefined;
    const created = events.find((event) => event.type === 'AssignmentCreated');
    if (!created) return undefined;
    const { indicatorId, organisationId, periodId } = created.data as AssignmentSlot;
    return { indicatorId, organisationId, periodId };
  }

  async dimensions(cityId: CityId, indicatorId: string): Promise<DeclaredDimension[] | undefined> {
    const { state } = await this.aggregates.load(cityId, indicatorDecider, indicatorStream(indicatorId));
    return state.exists ? state.definition.disaggregations : undefined;
  }
}
