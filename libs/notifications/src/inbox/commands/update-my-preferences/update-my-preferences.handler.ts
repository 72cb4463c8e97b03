import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotificationPreferences } from '../../../persistence/notification-preferences.repository';
import { NotificationPreferencesView } from '../../inbox.view';
import { canonicalTimeZone } from '../../time-zone.validator';
import { UpdateMyPreferencesCommand } from './update-my-preferences.command';

// A person's settings hold in every city (a platform table); they apply to notices recorded from now on.
@CommandHandler(UpdateMyPreferencesCommand)
export class UpdateMyPreferencesHandler implements ICommandHandler<
  UpdateMyPreferencesCommand,
  NotificationPreferencesView
> {
  constructor(private readonly preferences: NotificationPreferences) {}

  execute({ userId, input }: UpdateMyPreferencesCommand): Promise<NotificationPreferencesView> {
    const { email, inApp, digest } = input;
    const timezone = input.timezone === null ? null : canonicalTimeZone(input.timezone);
    return this.preferences.save(userId, { email, inApp, digest, timezone });
  }
}
