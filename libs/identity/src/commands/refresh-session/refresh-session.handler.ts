import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { asUserId } from '@rl/kernel';
import { sha256Hex } from '../../auth/credentials';
import { SessionIssuer } from '../../auth/session-issuer';
import { TokenPairView } from '../../auth/session.view';
import { AuthErrors } from '../../domain/identity.errors';
import { decideRefresh } from '../../domain/refresh-rotation';
import { IdentityStore, PlatformTx } from '../../persistence/identity.repository';
import { RefreshSessionCommand } from './refresh-session.command';

type Outcome = { kind: 'invalid' } | { kind: 'reused' } | { kind: 'rotated'; tokens: TokenPairView };

@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand, TokenPairView> {
  constructor(
    private readonly store: IdentityStore,
    private readonly issuer: SessionIssuer,
  ) {}

  async execute({ refreshToken }: RefreshSessionCommand): Promise<TokenPairView> {
    const outcome = await this.store.platform((tx) => this.rotate(tx, sha256Hex(refreshToken)));
    switch (outcome.kind) {
      case 'rotated':
        return outcome.tokens;
      case 'reused':
        // Thrown after the revocation committed, so that the family stays revoked.
        throw AuthErrors.REFRESH_TOKEN_REUSED();
      case 'invalid':
        throw AuthErrors.INVALID_REFRESH_TOKEN();
    }
  }

  private async rotate({ sessions, users }: PlatformTx, tokenHash: string): Promise<Outcome> {
    const found = await sessions.byHash(tokenHash);
    if (!found) return { kind: 'invalid' };
    // The family lock serialises this refresh with concurrent refreshes and logouts of the session;
    // the token is read again under it.
    const owners = await sessions.lockFamily(found.familyId);
    const token = await sessions.byId(found.id);
    if (!token) return { kind: 'invalid' };
    if (owners.length !== 1 || owners[0] !== token.userId) {
      await sessions.revokeFamily(token.familyId);
      return { kind: 'invalid' };
    }
    const decision = decideRefresh(token, new Date());
    if (decision === 'reuse-detected') {
      await sessions.revokeFamily(token.familyId);
      return { kind: 'reused' };
    }
    const user = await users.byId(token.userId);
    if (decision !== 'rotate' || !user?.active) return { kind: 'invalid' };
    await sessions.markRotated(token.id);
    return { kind: 'rotated', tokens: await this.issuer.issue(sessions, asUserId(user.id), token.familyId) };
  }
}
