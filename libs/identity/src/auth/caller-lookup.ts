import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { asUserId, CityRole } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { AuthErrors } from '../domain/identity.errors';
import { AccessTokenClaims } from './session-issuer';

export interface Caller {
  userId: string;
  isOperator: boolean;
  cityId: string | null;
  timezone: string | null;
  role: CityRole | null;
  organisationId: string | null;
}

const unauthenticated = (message: string) => AuthErrors.UNAUTHENTICATED({ message });

// Who an access token belongs to, read fresh from the database: a removed member, a demoted operator
// or a logged-out session loses access at once, not when the token expires.
@Injectable()
export class CallerLookup {
  constructor(
    private readonly jwt: JwtService,
    private readonly db: TenantDb,
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

  // One round trip: the user (active, operator), their login session (live, and theirs) and, on city
  // routes, the city and their active membership there (visible through the own-memberships policy).
  private async load(claims: AccessTokenClaims, slug: string | null): Promise<Caller> {
    const rows = await this.db.asUser(asUserId(claims.sub), (em) =>
      em.query<Caller[]>(
        `SELECT u.id AS "userId", u.is_operator AS "isOperator", c.id AS "cityId", c.timezone, m.role,
                m.organisation_id AS "organisationId"
           FROM users u
           LEFT JOIN cities c ON c.slug = $3
           LEFT JOIN memberships m ON m.tenant_id = c.id AND m.user_id = u.id AND m.active
          WHERE u.id = $1 AND u.active
            AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL)`,
        [claims.sub, claims.sid, slug],
      ),
    );
    if (rows.length === 0) throw unauthenticated('The session has ended; log in again');
    return rows[0];
  }
}
