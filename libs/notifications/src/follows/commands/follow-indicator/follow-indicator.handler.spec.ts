import { InMemoryAggregates } from '@rl/event-store/testing';
import { indicatorDefined } from '@rl/indicators/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { indicatorFollowsStream } from '../../../domain/indicator-follows';
import { FollowIndicatorCommand } from './follow-indicator.command';
import { FollowIndicatorHandler } from './follow-indicator.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const indicatorId = '0192f0aa-0000-7000-8000-00000000000a';

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, `indicator-${indicatorId}`, [
    indicatorDefined(indicatorId),
  ]);
  return { aggregates, handler: new FollowIndicatorHandler(aggregates) };
};

describe('FollowIndicatorHandler', () => {
  it("records the caller's follow and unfollow in their follows stream", async () => {
    const { aggregates, handler } = setUp();
    const metadata = commandMetadata();
    const followed = await handler.execute(new FollowIndicatorCommand(ghent, indicatorId, true, metadata));
    expect(followed.version).toBe(1);
    await handler.execute(new FollowIndicatorCommand(ghent, indicatorId, false, metadata));
    expect(aggregates.eventsOf(ghent, indicatorFollowsStream(metadata.actorId))).toEqual([
      { type: 'IndicatorFollowed', data: { userId: metadata.actorId, indicatorId } },
      { type: 'IndicatorUnfollowed', data: { userId: metadata.actorId, indicatorId } },
    ]);
  });

  it('says not found for an indicator the city never defined', async () => {
    const { aggregates, handler } = setUp();
    const other = '0192f0aa-0000-7000-8000-00000000000b';
    const metadata = commandMetadata();
    await expect(
      handler.execute(new FollowIndicatorCommand(ghent, other, true, metadata)),
    ).rejects.toMatchObject({ code: 'INDICATOR.NOT_FOUND' });
    expect(aggregates.eventsOf(ghent, indicatorFollowsStream(metadata.actorId))).toEqual([]);
  });
});
