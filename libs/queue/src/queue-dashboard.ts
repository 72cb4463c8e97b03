import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import type { RequestHandler } from 'express';
import { QueueName } from './queues';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

// Bull Board over every queue (waiting, active, delayed and failed jobs with their errors), behind `gate`.
export function mountQueueDashboard(app: INestApplication, gate: RequestHandler): void {
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)), { readOnlyMode: false }),
    ),
    serverAdapter,
  });
  app.use(QUEUE_DASHBOARD_PATH, gate, serverAdapter.getRouter());
}
