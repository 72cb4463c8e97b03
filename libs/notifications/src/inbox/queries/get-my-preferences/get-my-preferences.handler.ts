import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { NotificationPreferencesView } from '../../inbox.view';
import { DEFAULT_PREFERENCES, PREFERENCE_COLUMNS } from '../../preferences';
import { GetMyPreferencesQuery } from './get-my-preferences.query';

@QueryHandler(GetMyPreferencesQuery)
export class GetMyPreferencesHandler implements IQueryHandler<
  GetMyPreferencesQuery,
  NotificationPreferencesView
> {
  constructor(private readonly db: TenantDb) {}

  async execute({ userId }: GetMyPreferencesQuery): Promise<NotificationPreferencesView> {
    const [row] = await this.db.platform((em) =>
      em.query<NotificationPreferencesView[]>(
        `SELECT ${PREFERENCE_COLUMNS} FROM notification_preferences WHERE user_id = $1`,
        [userId],
      ),
    );
    return row ?? { ...DEFAULT_PREFERENCES };
  }
}
