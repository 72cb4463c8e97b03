import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { DEFAULT_REMINDER_POLICY, QuietHours, ReminderOffset } from '../../../domain/reminder-policy';
import { REMINDER_SCHEDULE_PROJECTION } from '../../../projections/reminder-schedule.projection';
import { ReminderPolicyView } from '../../inbox.view';
import { canonicalPolicy } from '../../../domain/reminder-policy-shape';
import { GetReminderPolicyQuery } from './get-reminder-policy.query';

interface Row {
  offsets: ReminderOffset[];
  quietHours: QuietHours | null;
  version: number;
}

// The policy the deadline engine applies: the reminder-schedule projection's row, or the defaults.
@QueryHandler(GetReminderPolicyQuery)
export class GetReminderPolicyHandler implements IQueryHandler<GetReminderPolicyQuery, ReminderPolicyView> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, minPosition }: GetReminderPolicyQuery): Promise<ReminderPolicyView> {
    await this.waiter.waitFor(cityId, REMINDER_SCHEDULE_PROJECTION, minPosition);
    const [row] = await this.db.inCity(cityId, (em) =>
      em.query<Row[]>(
        `SELECT offsets, quiet_hours AS "quietHours", version FROM reminder_policies WHERE tenant_id = $1`,
        [cityId],
      ),
    );
    return row
      ? { ...canonicalPolicy(row), version: row.version, isDefault: false }
      : { ...canonicalPolicy(DEFAULT_REMINDER_POLICY), version: 0, isDefault: true };
  }
}
