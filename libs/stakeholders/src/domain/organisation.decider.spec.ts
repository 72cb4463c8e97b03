import { DomainError } from '@rl/kernel';
import {
  decideOrganisation,
  evolveOrganisation,
  initialOrganisationState,
  OrganisationCommand,
} from './organisation.decider';
import { OrganisationEvent } from './organisation.events';

const id = '0192f0aa-0000-7000-8000-000000000001';
const registered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: { organisationId: id, name: 'Vluchtelingenwerk Gent', kind: 'cso' },
};

// Given past events, when a command, then new events (or an error code).
const given = (events: OrganisationEvent[]) => {
  const state = events.reduce(evolveOrganisation, initialOrganisationState);
  return {
    when: (command: OrganisationCommand) => {
      try {
        return decideOrganisation(command, state);
      } catch (error) {
        if (error instanceof DomainError) return error.code;
        throw error;
      }
    },
  };
};

describe('organisation decider', () => {
  it('registers a new organisation with its name folded', () => {
    expect(
      given([]).when({
        type: 'RegisterOrganisation',
        organisationId: id,
        name: '  Vluchtelingenwerk   Gent ',
        kind: 'cso',
      }),
    ).toEqual([registered]);
  });

  it('refuses to register the same organisation twice', () => {
    expect(
      given([registered]).when({ type: 'RegisterOrganisation', organisationId: id, name: 'X', kind: 'cso' }),
    ).toBe('ORGANISATION.ALREADY_EXISTS');
  });

  it('renames and reclassifies, one event per changed field', () => {
    expect(
      given([registered]).when({
        type: 'UpdateOrganisation',
        name: 'Refugee Work Ghent',
        kind: 'service_provider',
      }),
    ).toEqual([
      { type: 'OrganisationRenamed', data: { organisationId: id, name: 'Refugee Work Ghent' } },
      { type: 'OrganisationReclassified', data: { organisationId: id, kind: 'service_provider' } },
    ]);
  });

  it('records nothing when nothing changes', () => {
    expect(
      given([registered]).when({ type: 'UpdateOrganisation', name: 'Vluchtelingenwerk  Gent', kind: 'cso' }),
    ).toEqual([]);
  });

  it('refuses to update an organisation that does not exist', () => {
    expect(given([]).when({ type: 'UpdateOrganisation', name: 'X' })).toBe('ORGANISATION.NOT_FOUND');
  });

  it('evolves to the latest name and kind', () => {
    const state = [
      registered,
      { type: 'OrganisationRenamed', data: { organisationId: id, name: 'B' } } as OrganisationEvent,
      {
        type: 'OrganisationReclassified',
        data: { organisationId: id, kind: 'academic' },
      } as OrganisationEvent,
    ].reduce(evolveOrganisation, initialOrganisationState);
    expect(state).toEqual({ exists: true, organisationId: id, name: 'B', kind: 'academic' });
  });
});
