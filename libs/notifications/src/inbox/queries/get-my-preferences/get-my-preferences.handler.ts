import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotificationPreferences } from '../../../persistence/notification-preferences.repository';
import { NotificationPreferencesView } from '../../inbox.view';
import { DEFAULT_PREFERENCES } from '../../preferences';
import { GetMyPreferencesQuery } from './get-my-preferences.query';

@QueryHandler(GetMyPreferencesQuery)
export class GetMyPreferencesHandler implements IQueryHandler<
  GetMyPreferencesQuery,
  NotificationPreferencesView
> {
  constructor(private readonly preferences: NotificationPreferences) {}

  async execute({ userId }: GetMyPreferencesQuery): Promise<NotificationPreferencesView> {
    return (await this.preferences.get(userId)) ?? { ...DEFAULT_PREFERENCES };
  }
}
