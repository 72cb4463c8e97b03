import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@rl/config';
import { InjectRedis, QueueName } from '@rl/queue';
import { ReportWakeups } from './report-wakeups';

// Progress of a running generation lives in Redis only: losing it loses a percentage, never work.
const PROGRESS_TTL_SECONDS = 600;

// Wakes the worker for a queued report and carries its progress while it runs. The job names the report
// only (its request is in the report's stream); deduplicated per report, so waking twice is harmless,
// and the handler does nothing for a report that is no longer queued.
@Injectable()
export class ReportJobs extends ReportWakeups {
  constructor(
    @InjectQueue(QueueName.Exports) private readonly queue: Queue,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    super();
  }

  wake(cityId: string, reportId: string): Promise<unknown> {
    return this.queue.add(
      'reports.generate',
      { cityId, reportId },
      { deduplication: { id: `report-${reportId}` } },
    );
  }

  async setProgress(reportId: string, percent: number): Promise<void> {
    await this.redis.set(this.key(reportId), String(percent), 'EX', PROGRESS_TTL_SECONDS);
  }

  // null: no generation is running for it.
  async progress(reportId: string): Promise<number | null> {
    const value = await this.redis.get(this.key(reportId));
    return value === null ? null : Number(value);
  }

  async clearProgress(reportId: string): Promise<void> {
    await this.redis.del(this.key(reportId));
  }

  private key(reportId: string): string {
    return `${this.config.redis.queuePrefix}:report-progress:${reportId}`;
  }
}
