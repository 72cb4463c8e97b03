import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { CSO_ID, offered, OTHER_ORG_ID, RESOURCE_ID } from '../../domain/testing/resource-factories';
import { WithdrawResourceCommand } from './withdraw-resource.command';
import { WithdrawResourceHandler } from './withdraw-resource.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `resource-${RESOURCE_ID}`;
const collectorOf = (organisationId: string) => commandMetadata({ actorRole: 'collector', organisationId });

describe('WithdrawResourceHandler', () => {
  it('withdraws once; withdrawing again records nothing and answers the current version', async () => {
    const aggregates = new InMemoryAggregates().given(ghent, stream, [offered()]);
    const handler = new WithdrawResourceHandler(aggregates);
    const withdraw = (version: number) =>
      handler.execute(new WithdrawResourceCommand(ghent, RESOURCE_ID, version, collectorOf(CSO_ID)));
    expect(await withdraw(1)).toEqual({ version: 2, position: 2 });
    expect(await withdraw(2)).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)).toHaveLength(2);
  });

  it("refuses another organisation's collector", async () => {
    const handler = new WithdrawResourceHandler(new InMemoryAggregates().given(ghent, stream, [offered()]));
    await expect(
      handler.execute(new WithdrawResourceCommand(ghent, RESOURCE_ID, 1, collectorOf(OTHER_ORG_ID))),
    ).rejects.toMatchObject({ code: 'RESOURCE.NOT_YOUR_ORGANISATION' });
  });
});
