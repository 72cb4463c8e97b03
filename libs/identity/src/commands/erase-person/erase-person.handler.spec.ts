import { commandMetadata } from '@rl/web/testing';
import { bruges, ghent, identityKit } from '../../testing/identity-fixtures';
import { ErasePersonCommand } from './erase-person.command';
import { ErasePersonHandler } from './erase-person.handler';

const setUp = () => {
  const kit = identityKit();
  const person = kit.store.givenAccount({ email: 'p@ghent.example' });
  kit.store.tables.personalKeys.push(
    { cityId: ghent, subjectId: person.id, keyId: 'k1' },
    { cityId: ghent, subjectId: person.id, keyId: 'k2' },
    { cityId: bruges, subjectId: 'someone else', keyId: 'k3' },
  );
  return { ...kit, person, handler: new ErasePersonHandler(kit.store) };
};

describe('ErasePersonHandler', () => {
  it('deletes the person’s keys in each city that has some and records the erasure there, without the idempotency key', async () => {
    const { handler, store, person } = setUp();
    const metadata = commandMetadata({ idempotencyKey: 'k', requestFingerprint: 'f' });
    const erasure = await handler.execute(new ErasePersonCommand(metadata, person.id));
    expect(erasure).toEqual({
      userId: person.id,
      cities: [{ city: 'ghent', position: 1, keysDeleted: 2 }],
    });
    expect(store.tables.personalKeys.map((k) => k.keyId)).toEqual(['k3']);
    const [recorded] = store.tables.appended;
    expect(recorded).toMatchObject({
      cityId: ghent,
      streamId: `person-${person.id}`,
      events: [{ type: 'PersonDataErased', data: { subjectId: person.id, keyIds: ['k1', 'k2'] } }],
    });
    expect(recorded.metadata).not.toHaveProperty('idempotencyKey');
  });

  it('lists no city when called again, and refuses an unknown person', async () => {
    const { handler, person } = setUp();
    await handler.execute(new ErasePersonCommand(commandMetadata(), person.id));
    expect((await handler.execute(new ErasePersonCommand(commandMetadata(), person.id))).cities).toEqual([]);
    await expect(
      handler.execute(new ErasePersonCommand(commandMetadata(), '0192f0aa-0000-7000-8000-0000000000ee')),
    ).rejects.toMatchObject({ code: 'PERSON.NOT_FOUND' });
  });
});
