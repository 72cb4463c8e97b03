import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdentityStore } from '../../persistence/identity.repository';
import { InvitationView, MyInvitationsQuery } from './my-invitations.query';

@QueryHandler(MyInvitationsQuery)
export class MyInvitationsHandler implements IQueryHandler<MyInvitationsQuery, InvitationView[]> {
  constructor(private readonly store: IdentityStore) {}

  execute({ userId }: MyInvitationsQuery): Promise<InvitationView[]> {
    // Visible through the own-memberships policy (app.user_id), in every city.
    return this.store.asUser(userId, (tx) => tx.memberships.offered(userId));
  }
}
