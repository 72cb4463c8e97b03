import { identityKit } from '../../testing/identity-fixtures';
import { EnsureAccountCommand } from './ensure-account.command';
import { EnsureAccountHandler } from './ensure-account.handler';

const setUp = () => {
  const kit = identityKit();
  return { ...kit, handler: new EnsureAccountHandler(kit.store, kit.passwords) };
};

describe('EnsureAccountHandler', () => {
  it('creates a missing account with the given password', async () => {
    const { handler, store, passwords } = setUp();
    const input = { email: 'Ops@Example.org', name: 'Ops', password: 'operator password', isOperator: true };
    const { userId, created } = await handler.execute(new EnsureAccountCommand(input));
    expect(created).toBe(true);
    const account = store.account(userId);
    expect(account).toMatchObject({ email: 'ops@example.org', isOperator: true });
    expect(await passwords.verify(account?.passwordHash ?? null, 'operator password')).toBe(true);
  });

  it('keeps an existing account’s password and makes it an operator when asked', async () => {
    const { handler, store } = setUp();
    const existing = store.givenAccount({ email: 'ops@example.org', passwordHash: 'kept' });
    const input = { email: 'ops@example.org', name: 'Ops', password: 'another password', isOperator: true };
    expect(await handler.execute(new EnsureAccountCommand(input))).toEqual({
      userId: existing.id,
      created: false,
    });
    expect(store.account(existing.id)).toMatchObject({ passwordHash: 'kept', isOperator: true });
  });
});
