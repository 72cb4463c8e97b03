import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionWaiter } from '@rl/projections';
import { DEFAULT_REMINDER_POLICY } from '../../../domain/reminder-policy';
import { canonicalPolicy } from '../../../domain/reminder-policy-shape';
import { ReminderPolicies } from '../../../persistence/reminder-policies.repository';
import { REMINDER_SCHEDULE_PROJECTION } from '../../../projections/reminder-schedule.projection';
import { ReminderPolicyView } from '../../inbox.view';
import { GetReminderPolicyQuery } from './get-reminder-policy.query';

// The policy the deadline engine applies: the reminder-schedule projection's row, or the defaults.
@QueryHandler(GetReminderPolicyQuery)
export class GetReminderPolicyHandler implements IQueryHandler<GetReminderPolicyQuery, ReminderPolicyView> {
  constructor(
    private readonly policies: ReminderPolicies,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, minPosition }: GetReminderPolicyQuery): Promise<ReminderPolicyView> {
    await this.waiter.waitFor(cityId, REMINDER_SCHEDULE_PROJECTION, minPosition);
    const row = await this.policies.current(cityId);
    return row
      ? { ...canonicalPolicy(row), version: row.version, isDefault: false }
      : { ...canonicalPolicy(DEFAULT_REMINDER_POLICY), version: 0, isDefault: true };
  }
}
