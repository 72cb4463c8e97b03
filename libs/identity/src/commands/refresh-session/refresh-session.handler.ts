import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { asUserId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { sha256Hex } from '../../auth/credentials';
import { lockFamily, revokeFamily } from '../../auth/session-family';
import { SessionIssuer } from '../../auth/session-issuer';
import { TokenPairView } from '../../auth/session.view';
import { decideRefresh } from '../../domain/refresh-rotation';
import { RefreshTokenRecord } from '../../persistence/refresh-token.entity';
import { UserRecord } from '../../persistence/user.entity';
import { RefreshSessionCommand } from './refresh-session.command';

const invalid = () =>
  new DomainError(
    'unauthenticated',
    'AUTH.INVALID_REFRESH_TOKEN',
    'The refresh token is invalid, expired or revoked',
  );

@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand, TokenPairView> {
  constructor(
    private readonly db: TenantDb,
    private readonly issuer: SessionIssuer,
  ) {}

  async execute({ refreshToken }: RefreshSessionCommand): Promise<TokenPairView> {
    const outcome = await this.db.platform(async (em) => {
      const found = await em.findOneBy(RefreshTokenRecord, { tokenHash: sha256Hex(refreshToken) });
      if (!found) return { kind: 'invalid' as const };
      // The family lock serialises this refresh with concurrent refreshes and logouts of the session;
      // the token is read again under it.
      const owners = await lockFamily(em, found.familyId);
      const token = await em.findOneByOrFail(RefreshTokenRecord, { id: found.id });
      if (owners.length !== 1 || owners[0] !== token.userId) {
        await revokeFamily(em, token.familyId);
        return { kind: 'invalid' as const };
      }
      const decision = decideRefresh(token, new Date());
      if (decision === 'reuse-detected') {
        await revokeFamily(em, token.familyId);
        return { kind: 'reused' as const };
      }
      const user = await em.findOneBy(UserRecord, { id: token.userId });
      if (decision !== 'rotate' || !user?.active) return { kind: 'invalid' as const };
      await em.update(RefreshTokenRecord, { id: token.id }, { rotatedAt: new Date() });
      return {
        kind: 'rotated' as const,
        tokens: await this.issuer.issue(em, asUserId(user.id), token.familyId),
      };
    });
    switch (outcome.kind) {
      case 'rotated':
        return outcome.tokens;
      case 'reused':
        // Thrown after the revocation committed, so that the family stays revoked.
        throw new DomainError(
          'unauthenticated',
          'AUTH.REFRESH_TOKEN_REUSED',
          'This refresh token was already used; the session has been revoked. Please log in again.',
        );
      case 'invalid':
        throw invalid();
    }
  }
}
