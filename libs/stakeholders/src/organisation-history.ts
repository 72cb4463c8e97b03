import { Injectable } from '@nestjs/common';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import {
  evolveOrganisation,
  initialOrganisationState,
  OrganisationState,
} from './domain/organisation.decider';
import { OrganisationEvent, organisationStream } from './domain/organisation.events';

export interface LoadedOrganisation {
  state: OrganisationState;
  version: number;
  position: number;
  createdAt?: Date;
  updatedAt?: Date;
}

// An organisation rebuilt from its own events: the aggregate for commands, and the as-of view for audits.
@Injectable()
export class OrganisationHistory {
  constructor(private readonly events: EventStore) {}

  async load(cityId: CityId, organisationId: string, asOf?: Date): Promise<LoadedOrganisation> {
    const events = await this.events.readStream(cityId, organisationStream(organisationId), { asOf });
    const last = events[events.length - 1];
    return {
      state: events.reduce(
        (state, event) => evolveOrganisation(state, event as unknown as OrganisationEvent),
        initialOrganisationState,
      ),
      version: last?.version ?? 0,
      position: last?.position ?? 0,
      createdAt: events[0]?.recordedAt,
      updatedAt: last?.recordedAt,
    };
  }
}
