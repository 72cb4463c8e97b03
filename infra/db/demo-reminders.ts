import { CommandBus } from '@nestjs/cqrs';
import { DateTime } from 'luxon';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { DEFAULT_REMINDER_POLICY, reminderPolicyStream } from '@rl/notifications';
import {
  CreateAssignmentCommand,
  DefinePeriodCommand,
  MovePeriodDeadlineCommand,
  periodStream,
} from '@rl/reporting';

// Minutes from start-up to the demo deadline: long enough to read the start-up banner, short enough to
// watch every reminder arrive.
export const DEMO_DEADLINE_MINUTES = 4;

export interface DemoReminderCity {
  id: CityId;
  timezone: string;
  coordinatorId: string;
  csoId: string;
  indicatorId: string;
}

// A reporting period of the current month whose deadline is a few minutes ahead (moved there again at
// every start), assigned to the demo CSO, and a policy that adds a reminder 2 minutes before and an
// escalation 1 minute after the deadline to the defaults, without quiet hours: so the quick start shows
// reminders in the log (e-mails) and in the collector's in-app notifications within minutes.
export async function seedDemoReminders(commands: CommandBus, events: EventStore, city: DemoReminderCity) {
  const metadata = (key: string) => ({
    actorId: city.coordinatorId,
    actorRole: 'coordinator',
    idempotencyKey: `demo:${key}`,
  });
  await events.append(
    city.id,
    reminderPolicyStream(city.id),
    'any',
    [
      {
        type: 'ReminderPolicyChanged',
        data: {
          offsets: [
            ...DEFAULT_REMINDER_POLICY.offsets,
            { offset: '-PT2M' },
            { offset: 'PT1M', escalate: true },
          ],
          quietHours: null,
        },
      },
    ],
    metadata('reminder-policy'),
  );
  const deadline = DateTime.now().plus({ minutes: DEMO_DEADLINE_MINUTES }).set({ second: 0, millisecond: 0 });
  const code = DateTime.now().setZone(city.timezone).toFormat('yyyy-MM');
  const period = await commands.execute(
    new DefinePeriodCommand(
      city.id,
      city.timezone,
      { code, deadline: deadline.toUTC().toISO() },
      metadata('period:reminders'),
    ),
  );
  const history = await events.readStream(city.id, periodStream(period.id));
  if (history.length > 1 || history[0]?.recordedAt < new Date(Date.now() - 60_000)) {
    await commands.execute(
      new MovePeriodDeadlineCommand(
        city.id,
        city.timezone,
        period.id,
        history.length,
        { deadline: deadline.toUTC().toISO() },
        { actorId: city.coordinatorId, actorRole: 'coordinator' },
      ),
    );
  }
  await commands.execute(
    new CreateAssignmentCommand(
      city.id,
      { indicatorId: city.indicatorId, organisationId: city.csoId, periodId: period.id },
      metadata('assignment:reminders'),
    ),
  );
  return deadline.toJSDate();
}
