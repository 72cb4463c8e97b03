import { Decider } from '@rl/kernel';
import { OrganisationErrors } from './organisation.errors';
import { ORGANISATION_EVENT_TYPES, OrganisationEvent, OrganisationKind } from './organisation.events';

export type OrganisationState =
  { exists: false } | { exists: true; organisationId: string; name: string; kind: OrganisationKind };

export type OrganisationCommand =
  | { type: 'RegisterOrganisation'; organisationId: string; name: string; kind: OrganisationKind }
  | { type: 'UpdateOrganisation'; name?: string; kind?: OrganisationKind };

const initialState = (): OrganisationState => ({ exists: false });

// Names are compared and stored with runs of white space folded, as people type them.
const normalise = (name: string) => name.trim().replace(/\s+/g, ' ');

function decide(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  switch (command.type) {
    case 'RegisterOrganisation': {
      if (state.exists) throw OrganisationErrors.ALREADY_EXISTS();
      const { organisationId, kind } = command;
      return [
        { type: 'OrganisationRegistered', data: { organisationId, name: normalise(command.name), kind } },
      ];
    }
    case 'UpdateOrganisation': {
      if (command.name === undefined && command.kind === undefined)
        throw OrganisationErrors.NOTHING_TO_CHANGE();
      if (!state.exists) throw OrganisationErrors.NOT_FOUND();
      const events: OrganisationEvent[] = [];
      const name = command.name === undefined ? undefined : normalise(command.name);
      if (name !== undefined && name !== state.name) {
        events.push({ type: 'OrganisationRenamed', data: { organisationId: state.organisationId, name } });
      }
      if (command.kind !== undefined && command.kind !== state.kind) {
        events.push({
          type: 'OrganisationReclassified',
          data: { organisationId: state.organisationId, kind: command.kind },
        });
      }
      return events;
    }
  }
}

function evolve(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered':
      return { exists: true, ...event.data };
    case 'OrganisationRenamed':
      return state.exists ? { ...state, name: event.data.name } : state;
    case 'OrganisationReclassified':
      return state.exists ? { ...state, kind: event.data.kind } : state;
  }
}

export const organisationDecider: Decider<OrganisationState, OrganisationCommand, OrganisationEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: ORGANISATION_EVENT_TYPES,
};
