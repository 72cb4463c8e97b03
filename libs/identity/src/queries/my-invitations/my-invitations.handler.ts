import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { InvitationView, MyInvitationsQuery } from './my-invitations.query';

@QueryHandler(MyInvitationsQuery)
export class MyInvitationsHandler implements IQueryHandler<MyInvitationsQuery, InvitationView[]> {
  constructor(private readonly db: TenantDb) {}

  execute({ userId }: MyInvitationsQuery): Promise<InvitationView[]> {
    // Visible through the own-memberships policy (app.user_id), in every city.
    return this.db.asUser(userId, (em) =>
      em.query<InvitationView[]>(
        `SELECT m.tenant_id AS id, c.slug AS city, c.name AS "cityName", m.role,
                m.organisation_id AS "organisationId",
                to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "offeredAt"
           FROM memberships m JOIN cities c ON c.id = m.tenant_id
          WHERE m.user_id = $1 AND m.pending
          ORDER BY m.created_at`,
        [userId],
      ),
    );
  }
}
