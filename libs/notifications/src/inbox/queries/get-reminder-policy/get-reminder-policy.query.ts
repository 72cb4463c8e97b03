import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { ReminderPolicyView } from '../../inbox.view';

export class GetReminderPolicyQuery extends Query<ReminderPolicyView> {
  constructor(
    readonly cityId: CityId,
    readonly minPosition?: number,
  ) {
    super();
  }
}
