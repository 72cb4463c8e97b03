import { asCityId } from '@rl/kernel';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { commandMetadata } from '@rl/web/testing';
import { UpdateOrganisationCommand } from './update-organisation.command';
import { UpdateOrganisationHandler } from './update-organisation.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const id = '0192f0aa-0000-7000-8000-000000000001';
const stream = `organisation-${id}`;

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [
    { type: 'OrganisationRegistered', data: { organisationId: id, name: 'A', kind: 'cso' } },
  ]);
  return { aggregates, handler: new UpdateOrganisationHandler(aggregates) };
};
const update = (expectedVersion: number, changes: { name?: string }) =>
  new UpdateOrganisationCommand(ghent, id, expectedVersion, changes, commandMetadata());

describe('UpdateOrganisationHandler', () => {
  it('renames at the version the client saw', async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(update(1, { name: 'B' }))).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'OrganisationRenamed',
      data: { organisationId: id, name: 'B' },
    });
  });

  it('refuses a stale If-Match with the current version', async () => {
    const { handler } = setUp();
    await expect(handler.execute(update(3, { name: 'B' }))).rejects.toMatchObject({
      code: 'ORGANISATION.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });

  it('records nothing and answers the current version when nothing changes', async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(update(1, { name: 'A' }))).toEqual({ version: 1, position: 1 });
    expect(aggregates.eventsOf(ghent, stream)).toHaveLength(1);
  });

  it('says not found for an organisation that was never registered', async () => {
    const handler = new UpdateOrganisationHandler(new InMemoryAggregates());
    await expect(handler.execute(update(0, { name: 'B' }))).rejects.toMatchObject({
      code: 'ORGANISATION.NOT_FOUND',
    });
  });
});
