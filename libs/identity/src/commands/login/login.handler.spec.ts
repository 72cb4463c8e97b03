import { PasswordLogin } from '../../auth/password-login';
import { ghent, identityKit } from '../../testing/identity-fixtures';
import { LoginCommand } from './login.command';
import { LoginHandler } from './login.handler';

const setUp = async () => {
  const kit = identityKit();
  const user = kit.store.givenAccount({
    email: 'an@ghent.example',
    name: 'An',
    passwordHash: await kit.passwords.hash('correct horse battery'),
  });
  kit.store.givenMember(ghent, {
    userId: user.id,
    role: 'official',
    organisationId: null,
    active: true,
    pending: false,
  });
  const handler = new LoginHandler(new PasswordLogin(kit.store, kit.passwords), kit.sessions);
  return { ...kit, user, handler };
};

describe('LoginHandler', () => {
  it('opens a session with the memberships of the account, whatever the case of the address', async () => {
    const { handler, store, user } = await setUp();
    const session = await handler.execute(new LoginCommand('An@Ghent.example', 'correct horse battery'));
    expect(session.user).toEqual({ id: user.id, email: 'an@ghent.example', name: 'An' });
    expect(session.memberships).toEqual([
      { city: 'ghent', cityName: 'Ghent', role: 'official', organisationId: null },
    ]);
    expect(store.tables.tokens).toHaveLength(1);
  });

  it('refuses a wrong password, an unknown address and an inactive account alike', async () => {
    const { handler, store, user } = await setUp();
    const attempts = [
      new LoginCommand('an@ghent.example', 'wrong horse battery'),
      new LoginCommand('nobody@ghent.example', 'correct horse battery'),
    ];
    for (const attempt of attempts)
      await expect(handler.execute(attempt)).rejects.toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    store.tables.accounts[0] = { ...user, active: false };
    await expect(
      handler.execute(new LoginCommand('an@ghent.example', 'correct horse battery')),
    ).rejects.toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    expect(store.tables.tokens).toHaveLength(0);
  });
});
