import { Injectable } from '@nestjs/common';
import { TenantDb } from '@rl/persistence';
import { ComparisonWakeups, FrameworkCode } from '../comparison-wakeups';

// Wakes the recomputation of every framework code still marked dirty a while after its change: the
// wake-up was lost (Redis restarted empty) or its job failed.
@Injectable()
export class ComparisonSweep {
  constructor(
    private readonly db: TenantDb,
    private readonly wakeups: ComparisonWakeups,
  ) {}

  async sweep(): Promise<number> {
    const dirty = await this.db.platform((em) =>
      em.query<FrameworkCode[]>(
        `SELECT framework, code FROM comparison_dirty WHERE since < now() - interval '5 seconds'`,
      ),
    );
    await this.wakeups.wake(dirty);
    return dirty.length;
  }
}
