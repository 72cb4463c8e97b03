import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { ProjectionRunner } from '@rl/projections';
import { ReminderScheduleProjection } from '../projections/reminder-schedule.projection';

// Jobs that decide on the reminder schedule's read model (is the assignment still open?) first bring it
// up to the city's head: a submission committed before the job started is then seen, however far behind
// the projection's own worker is. The catch-up commits on its own, before the job's transaction.
export abstract class ReminderScheduleHead {
  abstract reach(cityId: CityId): Promise<void>;
}

@Injectable()
export class ProjectedReminderScheduleHead implements ReminderScheduleHead {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly schedule: ReminderScheduleProjection,
  ) {}

  async reach(cityId: CityId): Promise<void> {
    await this.runner.catchUpToHead(cityId, this.schedule);
  }
}
