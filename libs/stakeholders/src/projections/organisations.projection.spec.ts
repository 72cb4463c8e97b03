import { recorded, rowAfter } from '@rl/projections/testing';
import { OrganisationEvent } from '../domain/organisation.events';
import { evolveOrganisationRow, OrganisationsProjection } from './organisations.projection';

const organisationId = '00000000-0000-7000-8000-0000000000a1';
const registered = recorded<OrganisationEvent>({
  type: 'OrganisationRegistered',
  data: { organisationId, name: 'Rights Watch', kind: 'cso' },
});
const renamed = recorded<OrganisationEvent>(
  { type: 'OrganisationRenamed', data: { organisationId, name: 'Rights Watch Ghent' } },
  { version: 2 },
);
const reclassified = recorded<OrganisationEvent>(
  { type: 'OrganisationReclassified', data: { organisationId, kind: 'academic' } },
  { version: 3 },
);

describe('organisations projection', () => {
  it('creates the row on registration', () => {
    expect(evolveOrganisationRow(undefined, registered)).toEqual({
      id: organisationId,
      name: 'Rights Watch',
      kind: 'cso',
      version: 1,
      createdAt: registered.recordedAt,
      updatedAt: registered.recordedAt,
    });
  });

  it('renames and reclassifies, keeping when it was created', () => {
    expect(rowAfter(new OrganisationsProjection(), [registered, renamed, reclassified])).toEqual({
      id: organisationId,
      name: 'Rights Watch Ghent',
      kind: 'academic',
      version: 3,
      createdAt: registered.recordedAt,
      updatedAt: reclassified.recordedAt,
    });
  });

  it('skips an event the row already reflects', () => {
    const row = rowAfter(new OrganisationsProjection(), [registered, renamed]);
    expect(rowAfter(new OrganisationsProjection(), [renamed, registered], row)).toBe(row);
  });

  it('ignores a change to an organisation it never saw registered', () => {
    expect(evolveOrganisationRow(undefined, renamed)).toBeUndefined();
  });
});
