import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { MemberView } from '../../member.view';

export class ListMembersQuery extends Query<MemberView[]> {
  constructor(readonly cityId: CityId) {
    super();
  }
}
