import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { MEMBER_COLUMNS, MemberView } from '../../member.view';
import { ListMembersQuery } from './list-members.query';

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery, MemberView[]> {
  constructor(private readonly db: TenantDb) {}

  execute({ cityId }: ListMembersQuery): Promise<MemberView[]> {
    // No tenant filter here on purpose: row-level security limits memberships to the transaction's city.
    return this.db.inCity(cityId, (em) =>
      em.query<MemberView[]>(
        `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id ORDER BY m.role, name`,
      ),
    );
  }
}
