import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { AppConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { Metrics } from '@rl/observability';
import { TenantDb } from '@rl/persistence';
import { QueueName } from '@rl/queue';

const OUTCOMES = `
  SELECT 'reminders' AS metric, status::text AS status, coalesce(outcome, '') AS detail, count(*)::int AS n
    FROM reminders GROUP BY 2, 3
  UNION ALL
  SELECT 'notices', status::text, channel::text, count(*)::int FROM notices GROUP BY 2, 3
  UNION ALL
  SELECT 'webhooks', status::text, '', count(*)::int FROM webhook_deliveries GROUP BY 2, 3`;

// Reminders sent, skipped (and why), cancelled; notices, account e-mails and webhook deliveries by status;
// failed jobs.
// Counted from PostgreSQL at scrape time, so the numbers are the same whichever worker did the work and
// survive restarts. Registered where /metrics is served (the API).
@Injectable()
export class NotificationMetrics implements OnApplicationBootstrap {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly db: TenantDb,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Reminders) private readonly reminders: Queue,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
  ) {}

  onApplicationBootstrap(): void {
    let metrics: Metrics;
    try {
      metrics = this.moduleRef.get(Metrics, { strict: false });
    } catch {
      return; // the worker serves no /metrics
    }
    const db = this.db;
    // City slugs are labels only when configured: a scrape otherwise shows platform-wide totals.
    const byCity = this.config.metrics.cityLabels;
    const queues = [this.reminders, this.notifications];
    new Gauge({
      name: 'rl_notification_outcomes',
      help: 'Reminders (status, outcome), notices (status, channel), account e-mails and webhook deliveries (status)',
      labelNames: [...(byCity ? ['city'] : []), 'metric', 'status', 'detail'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        const cities = await db.platform((em) =>
          em.query<{ id: string; slug: string }[]>(`SELECT id, slug FROM cities`),
        );
        for (const city of cities) {
          const rows = await db.inCity(asCityId(city.id), (em) =>
            em.query<{ metric: string; status: string; detail: string; n: number }[]>(OUTCOMES),
          );
          for (const r of rows)
            this.inc(
              { ...(byCity && { city: city.slug }), metric: r.metric, status: r.status, detail: r.detail },
              r.n,
            );
        }
        // Invitations and password resets belong to no city.
        const accountEmails = await db.platform((em) =>
          em.query<{ status: string; n: number }[]>(
            `SELECT status, count(*)::int AS n FROM account_emails GROUP BY status`,
          ),
        );
        for (const r of accountEmails)
          this.inc({ metric: 'account_emails', status: r.status, detail: '' }, r.n);
      },
    });
    new Gauge({
      name: 'rl_queue_jobs',
      help: 'Jobs of the deadline engine queues by state (failed jobs keep their error in /admin/queues)',
      labelNames: ['queue', 'state'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const queue of queues) {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
          for (const [state, n] of Object.entries(counts)) this.set({ queue: queue.name, state }, n);
        }
      },
    });
  }
}
