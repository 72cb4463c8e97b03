import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ReminderPolicy } from '../domain/reminder-policy';

// The policy the deadline engine applies, as the reminder-schedule projection stores it.
export abstract class ReminderPolicies {
  // Undefined while the city keeps the defaults.
  abstract current(cityId: CityId): Promise<(ReminderPolicy & { version: number }) | undefined>;
}

@Injectable()
export class PgReminderPolicies implements ReminderPolicies {
  constructor(private readonly db: TenantDb) {}

  async current(cityId: CityId): Promise<(ReminderPolicy & { version: number }) | undefined> {
    const [row] = await this.db.inCity(cityId, (em) =>
      em.query<(ReminderPolicy & { version: number })[]>(
        `SELECT offsets, quiet_hours AS "quietHours", version FROM reminder_policies WHERE tenant_id = $1`,
        [cityId],
      ),
    );
    return row;
  }
}
