import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { MemberView } from '../../member.view';
import { IdentityStore } from '../../persistence/identity.repository';
import { ListMembersQuery } from './list-members.query';

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery, Page<MemberView>> {
  constructor(private readonly store: IdentityStore) {}

  async execute({ cityId, page }: ListMembersQuery): Promise<Page<MemberView>> {
    const after = cursorOf(page, ['string', 'string', 'uuid']);
    const rows = await this.store.inCity(cityId, (tx) => tx.members.page(after, page.limit));
    return pageOf(
      rows,
      page.limit,
      (row) => [row.role, row.name, row.userId],
      (row) => row,
    );
  }
}
