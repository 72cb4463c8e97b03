import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { asUserId } from '@rl/kernel';
import { AuthErrors } from '../domain/identity.errors';
import { Caller, IdentityStore } from '../persistence/identity.repository';
import { AccessTokenClaims } from './session-issuer';

const unauthenticated = (message: string) => AuthErrors.UNAUTHENTICATED({ message });

// Who an access token belongs to, read fresh from the database: a removed member, a demoted operator
// or a logged-out session loses access at once, not when the token expires.
@Injectable()
export class CallerLookup {
  constructor(
    private readonly jwt: JwtService,
    private readonly store: IdentityStore,
  ) {}

  async fromAuthorization(header: string | undefined, citySlug: string | null): Promise<Caller> {
    const [scheme, token] = (header ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      throw unauthenticated('Send an access token as "Authorization: Bearer <token>"');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw unauthenticated('The access token is invalid or expired');
    }
    return this.load(claims, citySlug);
  }

  private async load(claims: AccessTokenClaims, slug: string | null): Promise<Caller> {
    const caller = await this.store.asUser(asUserId(claims.sub), (tx) =>
      tx.caller(claims.sub, claims.sid, slug),
    );
    if (!caller) throw unauthenticated('The session has ended; log in again');
    return caller;
  }
}
