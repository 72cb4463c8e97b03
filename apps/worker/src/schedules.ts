import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { CheckpointSweep } from '@rl/audit';
import { CollectionWakeups } from '@rl/collection';
import { AppConfig } from '@rl/config';
import { ProjectionSweep } from '@rl/projections';
import { ComparisonSweep } from '@rl/comparisons';
import { MandateExpirySweep, NotificationSweep } from '@rl/notifications';
import { QueueName } from '@rl/queue';
import { ImportSweep } from '@rl/reporting';

const HOUR_MS = 3_600_000;
const PURGE_SCHEDULER = 'purge-expired-credentials';

// The worker's clock. Every sweep interval it re-creates repeatable jobs that Redis lost (a job
// scheduler lives in Redis, which keeps nothing), wakes the projections that are behind and the signing
// of heads due for a checkpoint; on its own
// interval it reconciles the deadline engine's jobs with PostgreSQL.
@Injectable()
export class Schedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Schedules');
  private timer?: NodeJS.Timeout;
  private reconcileTimer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
    private readonly sweep: ProjectionSweep,
    private readonly notifications: NotificationSweep,
    private readonly mandates: MandateExpirySweep,
    private readonly comparisons: ComparisonSweep,
    private readonly imports: ImportSweep,
    private readonly checkpoints: CheckpointSweep,
    private readonly collection: CollectionWakeups,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.projections.sweepSeconds * 1_000).unref();
    await this.reconcile();
    const every = this.config.notifications.sweepSeconds * 1_000;
    this.reconcileTimer = setInterval(() => void this.reconcile(), every).unref();
  }

  // Reminders, notices, webhook deliveries, mandate expiry notices and imports that are due but lost
  // their job (Redis keeps nothing).
  async reconcile(): Promise<void> {
    try {
      await this.notifications.sweep();
      await this.mandates.sweep();
      await this.imports.sweep();
      await this.collection.sweep();
    } catch (error) {
      this.logger.error({ err: error }, 'Notification reconciler failed; retrying at the next interval');
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    clearInterval(this.reconcileTimer);
  }

  async tick(): Promise<void> {
    try {
      if (!(await this.maintenance.getJobScheduler(PURGE_SCHEDULER))) {
        await this.maintenance.upsertJobScheduler(
          PURGE_SCHEDULER,
          { every: HOUR_MS },
          { name: 'maintenance.purge-expired-credentials', data: {} },
        );
      }
      await this.sweep.sweep();
      await this.comparisons.sweep();
      await this.checkpoints.sweep();
    } catch (error) {
      this.logger.error({ err: error }, 'Scheduled sweep failed; retrying at the next interval');
    }
  }
}
