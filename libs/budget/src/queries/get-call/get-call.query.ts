import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CallWithProjectsView } from '../../budget.views';

export class GetCallQuery extends Query<CallWithProjectsView> {
  constructor(
    readonly cityId: CityId,
    readonly callId: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
