import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { InMemoryCollectionStore } from '../../testing';
import { DisconnectCommand } from './disconnect.command';
import { DisconnectHandler } from './disconnect.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const connectionId = '0192f0aa-0000-7000-8000-0000000000c9';
const connected = {
  type: 'CollectionConnected',
  data: { connectionId, kind: 'kobo', serverUrl: 'https://kf.example.org', formId: 'aX7kP2mQ9rT4' },
};

describe('DisconnectHandler', () => {
  it('records the disconnection once and forgets the push token', async () => {
    const aggregates = new InMemoryAggregates().given(ghent, `collection-connection-${connectionId}`, [
      connected,
    ]);
    const store = new InMemoryCollectionStore();
    await store.saveSecrets(ghent, { connectionId, credentials: Buffer.alloc(1), pushTokenHash: 'h' });
    const handler = new DisconnectHandler(aggregates, store);
    const command = new DisconnectCommand(ghent, connectionId, commandMetadata());
    expect(await handler.execute(command)).toEqual({ version: 2, position: 2 });
    expect(await handler.execute(command)).toEqual({ version: 2, position: 2 });
    expect(await store.pushTarget(ghent, 'h')).toBeNull();
  });

  it('answers 404 for a connection the city lacks', async () => {
    const handler = new DisconnectHandler(new InMemoryAggregates(), new InMemoryCollectionStore());
    await expect(
      handler.execute(new DisconnectCommand(ghent, connectionId, commandMetadata())),
    ).rejects.toMatchObject({
      code: 'COLLECTION.NOT_FOUND',
    });
  });
});
