import { AppConfig } from '@rl/config';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { pushTokenCity, pushTokenHash } from '../../domain/push-token';
import { CredentialsCipher } from '../../persistence/credentials-cipher';
import { InMemoryCollectionReferences, InMemoryCollectionStore } from '../../testing';
import { ConnectCommand } from './connect.command';
import { ConnectDto } from './connect.dto';
import { ConnectHandler } from './connect.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const assignmentId = '0192f0aa-0000-7000-8000-0000000000a1';
const indicatorId = '0192f0aa-0000-7000-8000-0000000000b1';
const slot = {
  indicatorId,
  organisationId: '0192f0aa-0000-7000-8000-0000000000d1',
  periodId: '0192f0aa-0000-7000-8000-0000000000e1',
};
const config = (allowPrivate: boolean) =>
  ({
    publicUrl: 'https://ledger.example.org/',
    outbound: { allowPrivate },
    collection: { credentialsKey: Buffer.alloc(32, 3), pullEveryMinutes: 15 },
  }) as unknown as AppConfig;

const setUp = (allowPrivate = false) => {
  const aggregates = new InMemoryAggregates();
  const store = new InMemoryCollectionStore();
  const references = new InMemoryCollectionReferences();
  references.assignments.set(assignmentId, slot);
  references.indicators.set(indicatorId, []);
  const cipher = new CredentialsCipher(config(allowPrivate));
  const handler = new ConnectHandler(aggregates, references, store, cipher, config(allowPrivate));
  return { aggregates, store, cipher, handler };
};
const odk: ConnectDto = {
  kind: 'odk-central',
  serverUrl: 'https://central.example.org/',
  formId: '7/shelter_counts',
  credentials: { email: 'bot@example.org', password: 'odk-secret-password' },
  assignmentId,
};
const connect = (input: Partial<ConnectDto>) =>
  new ConnectCommand(ghent, { ...odk, ...input }, commandMetadata());

describe('ConnectHandler', () => {
  it("records the connection to the assignment's slot, its credentials sealed apart from the event", async () => {
    const { aggregates, store, cipher, handler } = setUp();
    const view = await handler.execute(connect({}));
    expect(view).toEqual({ id: expect.any(String), version: 1, position: 1 });
    const [event] = aggregates.eventsOf(ghent, `collection-connection-${view.id}`);
    expect(event).toEqual({
      type: 'CollectionConnected',
      data: expect.objectContaining({
        serverUrl: 'https://central.example.org',
        ...slot,
        assignmentId,
        scheduled: true,
      }),
    });
    expect(JSON.stringify(event)).not.toContain('odk-secret-password');
    const secrets = store.secrets.get(view.id);
    expect(
      cipher.open({ cityId: ghent, connectionId: view.id }, secrets?.credentials ?? Buffer.alloc(0)),
    ).toEqual(odk.credentials);
    expect(secrets!.pushTokenHash).toBeNull();
  });

  it('gives a Kobo connection a push URL shown once, storing only its hash', async () => {
    const { store, handler } = setUp();
    const view = await handler.execute(
      connect({ kind: 'kobo', formId: 'aX7kP2mQ9rT4', credentials: { token: 'kobo-token' } }),
    );
    const token = view.pushUrl!.replace('https://ledger.example.org/v1/collection-push/', '');
    expect(pushTokenCity(token)).toBe(ghent);
    expect(store.secrets.get(view.id)!.pushTokenHash).toBe(pushTokenHash(token));
  });

  it('connects to an indicator alone, its slot left to the answers', async () => {
    const { aggregates, handler } = setUp();
    const view = await handler.execute(connect({ assignmentId: undefined, indicatorId }));
    expect(aggregates.eventsOf(ghent, `collection-connection-${view.id}`)[0].data).toMatchObject({
      assignmentId: null,
      indicatorId,
      organisationId: null,
      periodId: null,
    });
  });

  it.each([
    [{ serverUrl: 'http://central.example.org' }, 'serverUrl'],
    [{ serverUrl: 'https://user:pw@central.example.org' }, 'serverUrl'],
    [{ serverUrl: 'not a url' }, 'serverUrl'],
    [{ credentials: { token: 'x' } }, 'credentials'],
    [{ kind: 'kobo' as const, formId: 'aX7kP2mQ9rT4' }, 'credentials'],
    [{ indicatorId }, 'assignmentId'],
  ])('refuses %j, naming %s', async (input, field) => {
    const { handler, store } = setUp();
    await expect(handler.execute(connect(input))).rejects.toMatchObject({
      code: 'COLLECTION.INVALID',
      errors: [expect.objectContaining({ field })],
    });
    expect(store.secrets.size).toBe(0);
  });

  it('takes http where private targets are allowed, and refuses an assignment or indicator the city lacks', async () => {
    const { handler } = setUp(true);
    await expect(handler.execute(connect({ serverUrl: 'http://127.0.0.1:8080' }))).resolves.toBeDefined();
    const other = '0192f0aa-0000-7000-8000-0000000000ff';
    await expect(handler.execute(connect({ assignmentId: other }))).rejects.toMatchObject({
      code: 'COLLECTION.UNKNOWN_TARGET',
      errors: [expect.objectContaining({ field: 'assignmentId' })],
    });
    await expect(
      handler.execute(connect({ assignmentId: undefined, indicatorId: other })),
    ).rejects.toMatchObject({
      code: 'COLLECTION.UNKNOWN_TARGET',
      errors: [expect.objectContaining({ field: 'indicatorId' })],
    });
  });
});
