import { sha256Hex } from '../../auth/credentials';
import { identityKit } from '../../testing/identity-fixtures';
import { RequestPasswordResetCommand } from './request-password-reset.command';
import { RequestPasswordResetHandler } from './request-password-reset.handler';

const setUp = () => {
  const kit = identityKit();
  const user = kit.store.givenAccount({ email: 'u@ghent.example', passwordHash: 'h' });
  return { ...kit, user, handler: new RequestPasswordResetHandler(kit.store, kit.mail, kit.config) };
};

describe('RequestPasswordResetHandler', () => {
  it('e-mails an active account a token of which only the hash is kept; a new request kills the old one', async () => {
    const { handler, store, mail, user } = setUp();
    await handler.execute(new RequestPasswordResetCommand('U@ghent.example'));
    await handler.execute(new RequestPasswordResetCommand('u@ghent.example'));
    const [, email] = store.tables.emails;
    expect(email).toMatchObject({
      userId: user.id,
      kind: 'account.password-reset',
      token: expect.any(String),
    });
    expect(store.tables.resets).toEqual([
      expect.objectContaining({ userId: user.id, tokenHash: sha256Hex(email.token ?? '') }),
    ]);
    expect(mail.woken).toEqual(store.tables.emails.map((e) => e.id));
  });

  it('does nothing, and says nothing, for an unknown or inactive address', async () => {
    const { handler, store, mail, user } = setUp();
    store.tables.accounts[0] = { ...user, active: false };
    await handler.execute(new RequestPasswordResetCommand('u@ghent.example'));
    await handler.execute(new RequestPasswordResetCommand('nobody@ghent.example'));
    expect(store.tables.resets).toEqual([]);
    expect(mail.woken).toEqual([]);
  });
});
