import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, streamConflict } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { NotificationEvent, reminderPolicyStream } from '../../../domain/notification.events';
import { ReminderPolicy, validatePolicy } from '../../../domain/reminder-policy';
import { canonicalPolicy, samePolicy } from '../../reminder-policy-shape';
import { ChangeReminderPolicyCommand } from './change-reminder-policy.command';

// Records the city's new reminder policy as ReminderPolicyChanged; the reminder-schedule projection
// stores it and reschedules the reminders of every open assignment. With If-Match the change is
// conditional (409 REMINDER_POLICY.VERSION_CONFLICT when someone changed it since); without, it replaces
// whatever is there: the body is the whole policy, so no one's partial edit is merged away, and every
// version stays in the audit log. Sending the current policy again records nothing.
@CommandHandler(ChangeReminderPolicyCommand)
export class ChangeReminderPolicyHandler implements ICommandHandler<
  ChangeReminderPolicyCommand,
  WriteResultView
> {
  constructor(private readonly events: EventStore) {}

  async execute({
    cityId,
    input,
    expectedVersion,
    metadata,
  }: ChangeReminderPolicyCommand): Promise<WriteResultView> {
    const policy = validatePolicy(canonicalPolicy(input));
    const stream = reminderPolicyStream(cityId);
    const { version, position } = await this.events.idempotent(cityId, metadata, async () => {
      const history = await this.events.readStream(cityId, stream);
      const last = history.at(-1);
      const current = last?.version ?? 0;
      if (expectedVersion !== undefined && expectedVersion !== current)
        throw streamConflict(stream, current, expectedVersion);
      if (last && samePolicy(last.data as ReminderPolicy, policy))
        return { streamId: stream, version: current, position: last.position };
      const changed: NotificationEvent = { type: 'ReminderPolicyChanged', data: policy };
      // The store re-checks a numeric expected version under the city's head lock.
      return this.events.appendAlone(cityId, stream, expectedVersion ?? 'any', [changed], metadata);
    });
    return { version, position };
  }
}
