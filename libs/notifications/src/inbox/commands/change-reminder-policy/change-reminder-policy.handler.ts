import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { reminderPolicyStream } from '../../../domain/notification.events';
import { reminderPolicyDecider } from '../../../domain/reminder-policy.decider';
import { ChangeReminderPolicyCommand } from './change-reminder-policy.command';

// Records the city's new reminder policy as ReminderPolicyChanged; the reminder-schedule projection
// stores it and reschedules the reminders of every open assignment. With If-Match the change is
// conditional (409 REMINDER_POLICY.VERSION_CONFLICT when someone changed it since); without, it replaces
// whatever is there ('any'): the body is the whole policy, so no one's partial edit is merged away.
@CommandHandler(ChangeReminderPolicyCommand)
export class ChangeReminderPolicyHandler implements ICommandHandler<
  ChangeReminderPolicyCommand,
  WriteResultView
> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({
    cityId,
    input,
    expectedVersion,
    metadata,
  }: ChangeReminderPolicyCommand): Promise<WriteResultView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      reminderPolicyDecider,
      reminderPolicyStream(cityId),
      { type: 'ChangeReminderPolicy', policy: input },
      { expected: expectedVersion ?? 'any', metadata },
    );
    return { version, position };
  }
}
