import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@rl/config';
import { UserId } from '@rl/kernel';
import { RefreshTokens } from '../persistence/identity.repository';
import { newSecret, sha256Hex } from './credentials';
import { TokenPairView } from './session.view';

export interface AccessTokenClaims {
  sub: string;
  // Refresh-token family: lets logs and revocation tie an access token to its login session.
  sid: string;
}

@Injectable()
export class SessionIssuer {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  // Issues an access token and a fresh refresh token in `familyId` (a new login starts a new family).
  async issue(
    sessions: RefreshTokens,
    userId: UserId,
    familyId: string = randomUUID(),
  ): Promise<TokenPairView> {
    const refreshToken = newSecret();
    const ttlMs = this.config.auth.refreshTokenTtlDays * 86_400_000;
    await sessions.insert({
      id: randomUUID(),
      familyId,
      userId,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: new Date(Date.now() + ttlMs),
    });
    const claims: AccessTokenClaims = { sub: userId, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.auth.accessTokenTtlSeconds,
    });
    return { accessToken, refreshToken, expiresIn: this.config.auth.accessTokenTtlSeconds };
  }
}
