import { DomainError } from '@rl/kernel';
import { OrganisationEvent, OrganisationKind } from './organisation.events';

export type OrganisationState =
  { exists: false } | { exists: true; organisationId: string; name: string; kind: OrganisationKind };

export type OrganisationCommand =
  | { type: 'RegisterOrganisation'; organisationId: string; name: string; kind: OrganisationKind }
  | { type: 'UpdateOrganisation'; name?: string; kind?: OrganisationKind };

export const initialOrganisationState: OrganisationState = { exists: false };

// Names are compared and stored with runs of white space folded, as people type them.
const normalise = (name: string) => name.trim().replace(/\s+/g, ' ');

export function decideOrganisation(
  command: OrganisationCommand,
  state: OrganisationState,
): OrganisationEvent[] {
  switch (command.type) {
    case 'RegisterOrganisation': {
      if (state.exists) {
        throw new DomainError(
          'conflict',
          'ORGANISATION.ALREADY_EXISTS',
          'This organisation is already registered',
        );
      }
      const { organisationId, kind } = command;
      return [
        { type: 'OrganisationRegistered', data: { organisationId, name: normalise(command.name), kind } },
      ];
    }
    case 'UpdateOrganisation': {
      if (!state.exists) throw new DomainError('not_found', 'ORGANISATION.NOT_FOUND', 'No such organisation');
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

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered':
      return { exists: true, ...event.data };
    case 'OrganisationRenamed':
      return state.exists ? { ...state, name: event.data.name } : state;
    case 'OrganisationReclassified':
      return state.exists ? { ...state, kind: event.data.kind } : state;
  }
}
