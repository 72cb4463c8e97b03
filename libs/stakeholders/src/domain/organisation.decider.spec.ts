import { DeciderSpecification } from '@rl/kernel/testing';
import { organisationDecider } from './organisation.decider';
import { OrganisationEvent } from './organisation.events';

const id = '0192f0aa-0000-7000-8000-000000000001';
const registered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: { organisationId: id, name: 'Vluchtelingenwerk Gent', kind: 'cso' },
};
const spec = DeciderSpecification.for(organisationDecider);

describe('organisation decider', () => {
  it('registers a new organisation with its name folded', () => {
    spec
      .given([])
      .when({
        type: 'RegisterOrganisation',
        organisationId: id,
        name: '  Vluchtelingenwerk   Gent ',
        kind: 'cso',
      })
      .then([registered]);
  });

  it('refuses to register the same organisation twice', () => {
    spec
      .given([registered])
      .when({ type: 'RegisterOrganisation', organisationId: id, name: 'X', kind: 'cso' })
      .thenThrows('ORGANISATION.ALREADY_EXISTS');
  });

  it('renames and reclassifies, one event per changed field', () => {
    spec
      .given([registered])
      .when({ type: 'UpdateOrganisation', name: 'Refugee Work Ghent', kind: 'service_provider' })
      .then([
        { type: 'OrganisationRenamed', data: { organisationId: id, name: 'Refugee Work Ghent' } },
        { type: 'OrganisationReclassified', data: { organisationId: id, kind: 'service_provider' } },
      ]);
  });

  it('records nothing when nothing changes', () => {
    spec
      .given([registered])
      .when({ type: 'UpdateOrganisation', name: 'Vluchtelingenwerk  Gent', kind: 'cso' })
      .thenNothingHappens();
  });

  it('refuses an update that names no field, before looking for the organisation', () => {
    spec.given([]).when({ type: 'UpdateOrganisation' }).thenThrows('ORGANISATION.NOTHING_TO_CHANGE');
  });

  it('refuses to update an organisation that does not exist', () => {
    spec.given([]).when({ type: 'UpdateOrganisation', name: 'X' }).thenThrows('ORGANISATION.NOT_FOUND');
  });

  it('evolves to the latest name and kind', () => {
    const state = spec
      .given([
        registered,
        { type: 'OrganisationRenamed', data: { organisationId: id, name: 'B' } },
        { type: 'OrganisationReclassified', data: { organisationId: id, kind: 'academic' } },
      ])
      .state();
    expect(state).toEqual({ exists: true, organisationId: id, name: 'B', kind: 'academic' });
  });
});
