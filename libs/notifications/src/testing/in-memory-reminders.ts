import { CityId } from '@rl/kernel';
import { ReminderScheduleHead } from '../jobs/reminder-schedule-head';
import { NoticeDraft } from '../notice-outbox';
import {
  DueReminder,
  DueTaskReminder,
  ReminderFiring,
  ReminderFiringWrites,
} from '../persistence/reminder-firing.repository';

// The read model is always at the head in memory; counts how often a job asked.
export class InMemoryScheduleHead implements ReminderScheduleHead {
  reached = 0;

  reach(): Promise<void> {
    this.reached++;
    return Promise.resolve();
  }
}

// One city's reminders in memory, with the organisation's people; what firing recorded and settled.
export class InMemoryReminderFiring implements ReminderFiring {
  readonly reminders = new Map<string, DueReminder & { status: string; outcome?: string }>();
  readonly tasks = new Map<string, DueTaskReminder>();
  readonly drafts: NoticeDraft[] = [];
  collectors: string[] = ['collector-1'];
  coordinators: string[] = ['coordinator-1'];

  given(id: string, reminder: DueReminder, status = 'pending'): this {
    this.reminders.set(id, { ...reminder, status });
    return this;
  }

  // A task's reminder: `reminder` holds only its status for the lock.
  givenTask(id: string, task: DueTaskReminder, status = 'pending'): this {
    this.tasks.set(id, task);
    return this.given(id, {} as DueReminder, status);
  }

  inCity(_: CityId, work: (writes: ReminderFiringWrites) => Promise<void>): Promise<void> {
    const reminder = (id: string) => {
      const found = this.reminders.get(id);
      if (!found) throw new Error(`No reminder ${id}`);
      return found;
    };
    return work({
      lockPending: (id) =>
        Promise.resolve(this.reminders.has(id) ? reminder(id).status === 'pending' : undefined),
      due: (id) => Promise.resolve(reminder(id)),
      dueTask: (id) => Promise.resolve(this.tasks.get(id) ?? null),
      people: () => Promise.resolve({ collectors: this.collectors, coordinators: this.coordinators }),
      noticeData: () =>
        Promise.resolve({
          data: { citySlug: 'ghent', cityName: 'Ghent', link: 'https://app.example.org/x' },
          quietHours: null,
        }),
      taskNoticeData: () =>
        Promise.resolve({
          data: { citySlug: 'ghent', cityName: 'Ghent', link: 'https://app.example.org/t' },
          quietHours: null,
        }),
      record: (draft) => {
        this.drafts.push(draft);
        return Promise.resolve();
      },
      settle: (id, status, outcome) => {
        Object.assign(reminder(id), { status, outcome });
        return Promise.resolve();
      },
    });
  }
}
