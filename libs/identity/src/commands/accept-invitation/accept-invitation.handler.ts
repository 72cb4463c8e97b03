import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull, MoreThan } from 'typeorm';
import { EventStore } from '@rl/event-store';
import { asCityId, asUserId, DomainError } from '@rl/kernel';
import { PasswordHasher, sha256Hex } from '../../auth/credentials';
import { SessionOpener } from '../../auth/session-opener';
import { SessionView } from '../../auth/session.view';
import { memberStream } from '../../domain/membership.events';
import { InvitationRecord } from '../../persistence/invitation.entity';
import { MembershipRecord } from '../../persistence/membership.entity';
import { UserRecord } from '../../persistence/user.entity';
import { AcceptInvitationCommand } from './accept-invitation.command';

// The addressee of an invitation e-mail chooses the password of their new account; the membership that
// came with the invitation becomes active.
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand, SessionView> {
  constructor(
    private readonly events: EventStore,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionOpener,
  ) {}

  async execute({ token, password }: AcceptInvitationCommand): Promise<SessionView> {
    const [cityId, secret] = token.split('.');
    const passwordHash = await this.passwords.hash(password);
    const userId = await this.events.transact(asCityId(cityId), async (tx) => {
      const { em } = tx;
      const invitation = await em.findOne(InvitationRecord, {
        where: { tokenHash: sha256Hex(secret), acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) {
        throw new DomainError(
          'invalid',
          'INVITATION.INVALID',
          'The invitation is unknown, expired or already used',
          [{ field: 'token', message: 'is unknown, expired or already used' }],
        );
      }
      const claimed = await em.update(
        UserRecord,
        { id: invitation.userId, passwordHash: IsNull() },
        { passwordHash },
      );
      if (claimed.affected !== 1) {
        throw new DomainError(
          'conflict',
          'INVITATION.ACCOUNT_ALREADY_ACTIVE',
          'This account already has a password; log in and accept under /v1/me/invitations',
          [{ field: 'token', message: 'belongs to an account that is already active' }],
        );
      }
      await em.update(
        InvitationRecord,
        { tenantId: invitation.tenantId, id: invitation.id },
        { acceptedAt: new Date() },
      );
      const joined = await em.update(
        MembershipRecord,
        { tenantId: invitation.tenantId, userId: invitation.userId, pending: true },
        { pending: false, active: true },
      );
      if (joined.affected === 1) {
        const accepted = { type: 'MemberInvitationAccepted', data: { userId: invitation.userId } };
        await tx.append(memberStream(invitation.userId), 'any', [accepted], { actorId: invitation.userId });
      }
      return asUserId(invitation.userId);
    });
    return this.sessions.open(userId);
  }
}
