import { InMemoryAggregates } from '@rl/event-store/testing';
import { indicatorDefined } from '@rl/indicators/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { InMemoryPublications } from '../../testing/in-memory-publications';
import { SetPublicationCommand } from './set-publication.command';
import { SetPublicationHandler } from './set-publication.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const indicatorId = '0192f0aa-0000-7000-8000-00000000000a';

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, `indicator-${indicatorId}`, [
    indicatorDefined(indicatorId),
  ]);
  const publications = new InMemoryPublications();
  return { publications, handler: new SetPublicationHandler(aggregates, publications) };
};
const publish = (id: string, flags: { comparable: boolean; public: boolean }, idempotencyKey?: string) =>
  new SetPublicationCommand(ghent, id, flags, commandMetadata({ idempotencyKey }));

describe('SetPublicationHandler', () => {
  it("records the change with the flags reads check, and answers with the indicator's new flags", async () => {
    const { publications, handler } = setUp();
    const view = await handler.execute(publish(indicatorId, { comparable: true, public: false }));
    expect(view).toEqual({ indicatorId, comparable: true, public: false, version: 1, position: 1 });
    expect(await publications.flags(ghent, indicatorId)).toEqual({ comparable: true, public: false });
  });

  it('answers a retry under the same idempotency key with the first result', async () => {
    const { publications, handler } = setUp();
    const first = await handler.execute(publish(indicatorId, { comparable: true, public: true }, 'k1'));
    expect(await handler.execute(publish(indicatorId, { comparable: true, public: true }, 'k1'))).toEqual(
      first,
    );
    expect(publications.changes).toHaveLength(1);
  });

  it('says not found for an indicator the city never defined', async () => {
    const { publications, handler } = setUp();
    const other = '0192f0aa-0000-7000-8000-00000000000b';
    await expect(handler.execute(publish(other, { comparable: true, public: true }))).rejects.toMatchObject({
      code: 'INDICATOR.NOT_FOUND',
      message: `No indicator ${other} in this city`,
    });
    expect(publications.changes).toEqual([]);
  });
});
