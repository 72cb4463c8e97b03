import { InMemoryAggregates } from '@rl/event-store/testing';
import { indicatorDefined } from '@rl/indicators/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { SetDisclosureCommand } from './set-disclosure.command';
import { SetDisclosureHandler } from './set-disclosure.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const indicatorId = '0192f0aa-0000-7000-8000-00000000000a';

const setUp = () =>
  new SetDisclosureHandler(
    new InMemoryAggregates().given(ghent, `indicator-${indicatorId}`, [indicatorDefined(indicatorId)]),
  );
const setRule = (id: string, minCount: number, expected?: number) =>
  new SetDisclosureCommand(ghent, id, { minCount, secondary: true }, expected, commandMetadata());

describe('SetDisclosureHandler', () => {
  it("records the indicator's rule and answers with its version", async () => {
    const handler = setUp();
    expect(await handler.execute(setRule(indicatorId, 10))).toEqual({
      version: 1,
      position: expect.any(Number),
    });
    expect(await handler.execute(setRule(indicatorId, 3, 1))).toMatchObject({ version: 2 });
  });

  it('refuses a stale If-Match', async () => {
    const handler = setUp();
    await handler.execute(setRule(indicatorId, 10));
    await expect(handler.execute(setRule(indicatorId, 3, 0))).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('says not found for an indicator the city never defined', async () => {
    const other = '0192f0aa-0000-7000-8000-00000000000b';
    await expect(setUp().execute(setRule(other, 5))).rejects.toMatchObject({ code: 'INDICATOR.NOT_FOUND' });
  });
});
