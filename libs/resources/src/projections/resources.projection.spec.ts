import { recorded, rowAfter } from '@rl/projections/testing';
import { ResourceEvent } from '../domain/resource.events';
import { aVenue, CSO_ID, offered, RESOURCE_ID } from '../domain/testing/resource-factories';
import { evolveResourceRow, ResourcesProjection } from './resources.projection';

const offer = recorded<ResourceEvent>(offered());
const revised = recorded<ResourceEvent>(
  {
    type: 'ResourceRevised',
    data: { resourceId: RESOURCE_ID, changes: { title: 'Hall', contactRole: null } },
  },
  { version: 2 },
);
const withdrawn = recorded<ResourceEvent>(
  { type: 'ResourceWithdrawn', data: { resourceId: RESOURCE_ID } },
  { version: 3 },
);

describe('resources projection', () => {
  it('creates the row on the offer', () => {
    expect(evolveResourceRow(undefined, offer)).toEqual({
      id: RESOURCE_ID,
      offeredBy: CSO_ID,
      ...aVenue(),
      status: 'offered',
      version: 1,
      createdAt: offer.recordedAt,
      updatedAt: offer.recordedAt,
    });
  });

  it('applies a revision and the withdrawal, keeping when it was offered', () => {
    expect(rowAfter(new ResourcesProjection(), [offer, revised, withdrawn])).toEqual({
      id: RESOURCE_ID,
      offeredBy: CSO_ID,
      ...aVenue({ title: 'Hall', contactRole: null }),
      status: 'withdrawn',
      version: 3,
      createdAt: offer.recordedAt,
      updatedAt: withdrawn.recordedAt,
    });
  });

  it('skips an event the row already reflects', () => {
    const row = rowAfter(new ResourcesProjection(), [offer, revised]);
    expect(rowAfter(new ResourcesProjection(), [revised, offer], row)).toBe(row);
  });

  it('ignores a change to a resource it never saw offered', () => {
    expect(evolveResourceRow(undefined, revised)).toBeUndefined();
  });
});
