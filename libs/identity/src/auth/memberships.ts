import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UserId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { MembershipView } from './session.view';

// A user's active memberships across cities, read under the own-memberships policy (app.user_id).
@Injectable()
export class Memberships {
  constructor(private readonly db: TenantDb) {}

  ofUser(userId: UserId, em?: EntityManager): Promise<MembershipView[]> {
    const read = (m: EntityManager) =>
      m.query<MembershipView[]>(
        `SELECT c.slug AS city, c.name AS "cityName", m.role, m.organisation_id AS "organisationId"
           FROM memberships m JOIN cities c ON c.id = m.tenant_id
          WHERE m.user_id = $1 AND m.active
          ORDER BY c.slug`,
        [userId],
      );
    return em ? read(em) : this.db.asUser(userId, read);
  }
}
