import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { CSO_ID, offered, OTHER_ORG_ID, RESOURCE_ID } from '../../domain/testing/resource-factories';
import { InMemoryResourceLinkTargets } from '../../testing';
import { ReviseResourceCommand } from './revise-resource.command';
import { ReviseResourceDto } from './revise-resource.dto';
import { ReviseResourceHandler } from './revise-resource.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const padua = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
const stream = `resource-${RESOURCE_ID}`;

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [offered()]);
  // The offer's indicator is not known here: a revision checks only the links it names.
  return { aggregates, handler: new ReviseResourceHandler(aggregates, new InMemoryResourceLinkTargets()) };
};
const revise = (version: number, changes: ReviseResourceDto, metadata = commandMetadata(), city = ghent) =>
  new ReviseResourceCommand(city, RESOURCE_ID, version, changes, metadata);

describe('ReviseResourceHandler', () => {
  it("lets the offering organisation's collector change it at the version they saw", async () => {
    const { aggregates, handler } = setUp();
    const collector = commandMetadata({ actorRole: 'collector', organisationId: CSO_ID });
    expect(await handler.execute(revise(1, { title: 'Hall' }, collector))).toEqual({
      version: 2,
      position: 2,
    });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'ResourceRevised',
      data: { resourceId: RESOURCE_ID, changes: { title: 'Hall' } },
    });
  });

  it("refuses another organisation's collector", async () => {
    const { handler } = setUp();
    const collector = commandMetadata({ actorRole: 'collector', organisationId: OTHER_ORG_ID });
    await expect(handler.execute(revise(1, { title: 'Hall' }, collector))).rejects.toMatchObject({
      code: 'RESOURCE.NOT_YOUR_ORGANISATION',
    });
  });

  it('refuses a stale If-Match with the current version', async () => {
    const { handler } = setUp();
    await expect(handler.execute(revise(2, { title: 'Hall' }))).rejects.toMatchObject({
      code: 'RESOURCE.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });

  it("refuses new links that are not the city's", async () => {
    const { handler } = setUp();
    const links = [{ kind: 'task' as const, id: '0192f0aa-0000-7000-8000-00000000d009' }];
    await expect(handler.execute(revise(1, { links }))).rejects.toMatchObject({
      code: 'RESOURCE.UNKNOWN_LINK',
      errors: [{ field: 'links[0].id', message: 'is not a task of this city' }],
    });
  });

  it("says not found for another city's resource", async () => {
    const { handler } = setUp();
    await expect(
      handler.execute(revise(1, { title: 'Hall' }, commandMetadata(), padua)),
    ).rejects.toMatchObject({
      code: 'RESOURCE.NOT_FOUND',
    });
  });
});
