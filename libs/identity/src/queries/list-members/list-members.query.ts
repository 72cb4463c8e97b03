import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { MemberView } from '../../member.view';

export class ListMembersQuery extends Query<Page<MemberView>> {
  constructor(
    readonly cityId: CityId,
    readonly page: PageRequest,
  ) {
    super();
  }
}
