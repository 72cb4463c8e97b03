import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@rl/queue';

export interface FrameworkCode {
  framework: string;
  code: string;
}

// Wakes the recomputation of a framework code's comparison. Deduplicated per code and delayed a little,
// so a burst of validations across cities coalesces into a handful of recomputations; one arriving while
// a recomputation runs is kept and runs after it.
@Injectable()
export class ComparisonWakeups {
  static readonly COALESCE_MS = 500;

  constructor(@InjectQueue(QueueName.Comparisons) private readonly queue: Queue) {}

  async wake(codes: readonly FrameworkCode[]): Promise<void> {
    await Promise.all(
      codes.map(({ framework, code }) =>
        this.queue.add(
          'comparisons.recompute',
          { framework, code },
          {
            delay: ComparisonWakeups.COALESCE_MS,
            deduplication: { id: `${framework}|${code}`, keepLastIfActive: true },
          },
        ),
      ),
    );
  }
}
