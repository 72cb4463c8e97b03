export interface RefreshTokenState {
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

// What presenting a stored refresh token leads to. A token that was already rotated is being replayed
// (stolen, or a client bug): the whole family is revoked so the thief's successor dies too.
export type RefreshDecision = 'rotate' | 'reuse-detected' | 'revoked' | 'expired';

export function decideRefresh(token: RefreshTokenState, now: Date): RefreshDecision {
  if (token.revokedAt !== null) return 'revoked';
  if (token.rotatedAt !== null) return 'reuse-detected';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}
