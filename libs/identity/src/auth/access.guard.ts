import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { asCityId, asUserId, CityRole, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ACCESS_RULE, AccessRule, Actor, RequestWithActor } from '@rl/web';
import { AccessTokenClaims } from './session-issuer';

interface CallerRow {
  isOperator: boolean;
  cityId: string | null;
  timezone: string | null;
  role: CityRole | null;
  organisationId: string | null;
}

const unauthenticated = (detail: string) =>
  new DomainError('unauthenticated', 'AUTH.UNAUTHENTICATED', detail);
// Members of other cities learn nothing about this one: unknown city and non-member look the same.
const cityNotFound = () => new DomainError('not_found', 'CITY.NOT_FOUND', 'No such city');

// Enforces the access rule every route declares. Role and activity are read from the database on each
// request, so a removed member or demoted operator loses access at once, not when the token expires.
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly db: TenantDb,
    private readonly cls: ClsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule === undefined)
      throw new Error(`No access rule on ${context.getClass().name}.${context.getHandler().name}`);
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const claims = await this.verifiedClaims(request);
    const slug = rule.kind === 'city' ? String(request.params.city) : null;
    const caller = await this.loadCaller(claims, slug);
    const actor: Actor = { userId: asUserId(claims.sub), isOperator: caller.isOperator };
    this.cls.set('userId', actor.userId);

    switch (rule.kind) {
      case 'signed-in':
        break;
      case 'operator':
        if (!caller.isOperator)
          throw new DomainError('forbidden', 'AUTH.OPERATOR_ONLY', 'Only platform operators may do this');
        break;
      case 'city': {
        if (caller.cityId === null || caller.timezone === null || slug === null) throw cityNotFound();
        const allowed =
          (caller.role !== null && rule.roles.includes(caller.role)) || (rule.operator && caller.isOperator);
        if (!allowed) {
          if (caller.role === null) throw cityNotFound();
          throw new DomainError(
            'forbidden',
            'AUTH.ROLE_NOT_ALLOWED',
            `Your role (${caller.role}) may not do this in ${slug}`,
          );
        }
        actor.city = { id: asCityId(caller.cityId), slug, timezone: caller.timezone };
        actor.role = caller.role ?? undefined;
        actor.organisationId = caller.organisationId;
        this.cls.set('city', slug);
        break;
      }
    }
    request.actor = actor;
    return true;
  }

  private async verifiedClaims(request: Request): Promise<AccessTokenClaims> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token)
      throw unauthenticated('Send an access token as "Authorization: Bearer <token>"');
    try {
      return await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw unauthenticated('The access token is invalid or expired');
    }
  }

  // One round trip: the user (active, operator), their login session (not logged out) and, on city
  // routes, the city and their membership there (visible through the own-memberships policy).
  private async loadCaller(claims: AccessTokenClaims, slug: string | null): Promise<CallerRow> {
    const rows = await this.db.asUser(asUserId(claims.sub), (em) =>
      em.query<CallerRow[]>(
        `SELECT u.is_operator AS "isOperator", c.id AS "cityId", c.timezone, m.role, m.organisation_id AS "organisationId"
           FROM users u
           LEFT JOIN cities c ON c.slug = $3
           LEFT JOIN memberships m ON m.tenant_id = c.id AND m.user_id = u.id AND m.active
          WHERE u.id = $1 AND u.active
            AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.revoked_at IS NULL)`,
        [claims.sub, claims.sid, slug],
      ),
    );
    if (rows.length === 0) throw unauthenticated('The session has ended; log in again');
    return rows[0];
  }
}
