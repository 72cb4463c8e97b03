import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull, MoreThan } from 'typeorm';
import { asCityId, asUserId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { PasswordHasher, sha256Hex } from '../../auth/credentials';
import { SessionOpener } from '../../auth/session-opener';
import { SessionView } from '../../auth/session.view';
import { InvitationRecord } from '../../persistence/invitation.entity';
import { UserRecord } from '../../persistence/user.entity';
import { AcceptInvitationCommand } from './accept-invitation.command';

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand, SessionView> {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionOpener,
  ) {}

  async execute({ token, password }: AcceptInvitationCommand): Promise<SessionView> {
    const [cityId, secret] = token.split('.');
    const passwordHash = await this.passwords.hash(password);
    const userId = await this.db.inCity(asCityId(cityId), async (em) => {
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
          'This account already has a password; log in with it',
          [{ field: 'token', message: 'belongs to an account that is already active' }],
        );
      }
      await em.update(
        InvitationRecord,
        { tenantId: invitation.tenantId, id: invitation.id },
        { acceptedAt: new Date() },
      );
      return asUserId(invitation.userId);
    });
    return this.sessions.open(userId);
  }
}
