import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { asCityId, asUserId } from '@rl/kernel';
import { PasswordHasher, sha256Hex } from '../../auth/credentials';
import { SessionOpener } from '../../auth/session-opener';
import { SessionView } from '../../auth/session.view';
import { InvitationErrors } from '../../domain/identity.errors';
import { membershipDecider } from '../../domain/membership.decider';
import { memberStream } from '../../domain/membership.events';
import { IdentityStore } from '../../persistence/identity.repository';
import { AcceptInvitationCommand } from './accept-invitation.command';

// The addressee of an invitation e-mail chooses the password of their new account; the membership that
// came with the invitation becomes active.
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand, SessionView> {
  constructor(
    private readonly store: IdentityStore,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionOpener,
  ) {}

  async execute({ token, password }: AcceptInvitationCommand): Promise<SessionView> {
    const [cityId, secret] = token.split('.');
    const passwordHash = await this.passwords.hash(password);
    const userId = await this.store.inCity(asCityId(cityId), async (tx) => {
      const invitation = await tx.invitations.lockRedeemable(sha256Hex(secret), new Date());
      if (!invitation) {
        throw InvitationErrors.INVALID({
          errors: [{ field: 'token', message: 'is unknown, expired or already used' }],
        });
      }
      if (!(await tx.users.replacePassword(invitation.userId, null, passwordHash))) {
        throw InvitationErrors.ACCOUNT_ALREADY_ACTIVE({
          errors: [{ field: 'token', message: 'belongs to an account that is already active' }],
        });
      }
      await tx.invitations.markAccepted(invitation.id);
      const joined = await tx.members.activate(invitation.userId);
      const events = membershipDecider.decide(
        { type: 'AnswerOffer', userId: invitation.userId, answer: 'accept', wasPending: joined },
        null,
      );
      if (events.length > 0)
        await tx.append(memberStream(invitation.userId), events, { actorId: invitation.userId });
      return asUserId(invitation.userId);
    });
    return this.sessions.open(userId);
  }
}
