import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { MEMBER_COLUMNS, MEMBER_NAME, MemberView } from '../../member.view';
import { ListMembersQuery } from './list-members.query';

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery, Page<MemberView>> {
  constructor(private readonly db: TenantDb) {}

  async execute({ cityId, page }: ListMembersQuery): Promise<Page<MemberView>> {
    const after = cursorOf(page, ['string', 'string', 'uuid']);
    const params: unknown[] = [];
    const keyset = keysetCondition(['m.role', MEMBER_NAME, 'm.user_id::text'], after, params);
    params.push(page.limit + 1);
    // No tenant filter here on purpose: row-level security limits memberships to the transaction's city.
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<MemberView[]>(
        `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE ${keyset} ORDER BY m.role, ${MEMBER_NAME}, m.user_id::text LIMIT $${params.length}`,
        params,
      ),
    );
    return pageOf(
      rows,
      page.limit,
      (row) => [row.role, row.name, row.userId],
      (row) => row,
    );
  }
}
