import { commandMetadata } from '@rl/web/testing';
import { Account } from '../../persistence/identity.repository';
import { ghent, identityKit } from '../../testing/identity-fixtures';
import { ReissueInvitationCommand } from './reissue-invitation.command';
import { ReissueInvitationHandler } from './reissue-invitation.handler';

interface Situation {
  accepted?: boolean;
  invited?: boolean;
  account?: Partial<Account>;
}

const setUp = ({ accepted = false, invited = true, account = {} }: Situation = {}) => {
  const kit = identityKit();
  const person = kit.store.givenAccount({ email: 'p@ghent.example', ...account });
  if (accepted) {
    const member = { userId: person.id, role: 'auditor' as const, organisationId: null };
    kit.store.givenMember(ghent, { ...member, active: true, pending: false });
  } else kit.store.givenOffer(ghent, person.id, 'auditor', invited ? { tokenHash: 'old-hash' } : null);
  const handler = new ReissueInvitationHandler(kit.store, kit.offers, kit.mail);
  return { ...kit, person, handler };
};
const reissue = (memberId: string) => new ReissueInvitationCommand(ghent, commandMetadata(), memberId);

describe('ReissueInvitationHandler', () => {
  it('sends a new token to an account the city invited, and the old one dies', async () => {
    const { handler, store, mail, person } = setUp();
    expect(await handler.execute(reissue(person.id))).toEqual({
      userId: person.id,
      role: 'auditor',
      status: 'pending',
    });
    expect(store.tables.invitations.map((i) => i.tokenHash)).not.toContain('old-hash');
    expect(store.tables.invitations).toHaveLength(1);
    expect(store.tables.emails).toEqual([expect.objectContaining({ kind: 'account.invitation' })]);
    expect(mail.woken).toEqual([store.tables.emails[0].id]);
  });

  it('only tells an account that has a password, or that the city did not create', async () => {
    for (const { store, handler, person } of [
      setUp({ account: { passwordHash: 'h' } }),
      setUp({ invited: false }),
    ]) {
      await handler.execute(reissue(person.id));
      expect(store.tables.emails).toEqual([
        expect.objectContaining({ kind: 'account.membership-offered', token: null }),
      ]);
    }
  });

  it('refuses a member who accepted, and an unknown member', async () => {
    const { handler, person } = setUp({ accepted: true });
    await expect(handler.execute(reissue(person.id))).rejects.toMatchObject({ code: 'MEMBER.NOT_PENDING' });
    await expect(handler.execute(reissue('0192f0aa-0000-7000-8000-0000000000ee'))).rejects.toMatchObject({
      code: 'MEMBER.NOT_FOUND',
    });
  });
});
