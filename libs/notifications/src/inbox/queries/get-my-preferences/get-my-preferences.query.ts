import { Query } from '@nestjs/cqrs';
import { UserId } from '@rl/kernel';
import { NotificationPreferencesView } from '../../inbox.view';

export class GetMyPreferencesQuery extends Query<NotificationPreferencesView> {
  constructor(readonly userId: UserId) {
    super();
  }
}
