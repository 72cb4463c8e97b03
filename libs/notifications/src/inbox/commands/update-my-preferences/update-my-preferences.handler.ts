import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { NotificationPreferencesView } from '../../inbox.view';
import { PREFERENCE_COLUMNS } from '../../preferences';
import { canonicalTimeZone } from '../../time-zone.validator';
import { UpdateMyPreferencesCommand } from './update-my-preferences.command';

// A person's settings hold in every city (a platform table); they apply to notices recorded from now on.
@CommandHandler(UpdateMyPreferencesCommand)
export class UpdateMyPreferencesHandler implements ICommandHandler<
  UpdateMyPreferencesCommand,
  NotificationPreferencesView
> {
  constructor(private readonly db: TenantDb) {}

  async execute({ userId, input }: UpdateMyPreferencesCommand): Promise<NotificationPreferencesView> {
    const timezone = input.timezone === null ? null : canonicalTimeZone(input.timezone);
    const [row] = await this.db.platform((em) =>
      em.query<NotificationPreferencesView[]>(
        `INSERT INTO notification_preferences (user_id, email, in_app, digest, timezone)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE
           SET email = EXCLUDED.email, in_app = EXCLUDED.in_app, digest = EXCLUDED.digest, timezone = EXCLUDED.timezone
         RETURNING ${PREFERENCE_COLUMNS}`,
        [userId, input.email, input.inApp, input.digest, timezone],
      ),
    );
    return row;
  }
}
