import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { CSO_ID, INDICATOR_ID, OTHER_ORG_ID } from '../../domain/testing/resource-factories';
import { InMemoryOfferingOrganisations, InMemoryResourceLinkTargets } from '../../testing';
import { OfferResourceCommand } from './offer-resource.command';
import { OfferResourceDto } from './offer-resource.dto';
import { OfferResourceHandler } from './offer-resource.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const padua = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
const TASK_ID = '0192f0aa-0000-7000-8000-00000000d001';

const setUp = () => {
  const aggregates = new InMemoryAggregates();
  const organisations = new InMemoryOfferingOrganisations().given(ghent, CSO_ID, OTHER_ORG_ID);
  const targets = new InMemoryResourceLinkTargets()
    .given(ghent, 'indicator', INDICATOR_ID)
    .given(ghent, 'task', TASK_ID)
    .given(padua, 'task', '0192f0aa-0000-7000-8000-00000000d002');
  return { aggregates, handler: new OfferResourceHandler(aggregates, organisations, targets) };
};
const venue = (fields: Partial<OfferResourceDto> = {}): OfferResourceDto => ({
  kind: 'material',
  title: 'Community hall',
  offeredBy: CSO_ID,
  links: [
    { kind: 'indicator', id: INDICATOR_ID },
    { kind: 'task', id: TASK_ID },
  ],
  ...fields,
});
const collector = (organisationId: string, key?: string) =>
  commandMetadata({ actorRole: 'collector', organisationId, ...(key && { idempotencyKey: key }) });

describe('OfferResourceHandler', () => {
  it("records a collector's offer for their own organisation on a stream named by the id it returns", async () => {
    const { aggregates, handler } = setUp();
    const view = await handler.execute(new OfferResourceCommand(ghent, venue(), collector(CSO_ID)));
    expect(view).toEqual({ id: expect.any(String), version: 1, position: 1 });
    expect(aggregates.eventsOf(ghent, `resource-${view.id}`)).toEqual([
      {
        type: 'ResourceOffered',
        data: expect.objectContaining({ resourceId: view.id, offeredBy: CSO_ID, title: 'Community hall' }),
      },
    ]);
  });

  it("refuses a collector offering another organisation's resource, before looking it up", async () => {
    const { handler } = setUp();
    // Not an organisation of the city either: looked up first, it would answer UNKNOWN_ORGANISATION.
    const unknownOrg = '0192f0aa-0000-7000-8000-00000000ffff';
    await expect(
      handler.execute(new OfferResourceCommand(ghent, venue({ offeredBy: unknownOrg }), collector(CSO_ID))),
    ).rejects.toMatchObject({ code: 'RESOURCE.NOT_YOUR_ORGANISATION' });
  });

  it('refuses an organisation of another city, naming offeredBy', async () => {
    const { handler } = setUp();
    await expect(
      handler.execute(new OfferResourceCommand(padua, venue(), commandMetadata())),
    ).rejects.toMatchObject({
      code: 'RESOURCE.UNKNOWN_ORGANISATION',
      errors: [{ field: 'offeredBy', message: expect.any(String) }],
    });
  });

  it("refuses an indicator or task that is not the city's, naming links[i].id", async () => {
    const { handler } = setUp();
    const links = [
      { kind: 'indicator' as const, id: INDICATOR_ID },
      { kind: 'task' as const, id: '0192f0aa-0000-7000-8000-00000000d002' },
      { kind: 'indicator' as const, id: TASK_ID },
    ];
    await expect(
      handler.execute(new OfferResourceCommand(ghent, venue({ links }), commandMetadata())),
    ).rejects.toMatchObject({
      code: 'RESOURCE.UNKNOWN_LINK',
      errors: [
        { field: 'links[1].id', message: 'is not a task of this city' },
        { field: 'links[2].id', message: 'is not an indicator of this city' },
      ],
    });
  });

  it('answers a retry under the same idempotency key with the first resource', async () => {
    const { handler } = setUp();
    const command = new OfferResourceCommand(ghent, venue(), collector(CSO_ID, 'k1'));
    const first = await handler.execute(command);
    expect(await handler.execute(command)).toEqual(first);
  });
});
