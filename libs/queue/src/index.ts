export { HandlesJob, JobHandlerOf } from './job-handler';
export { JobDispatcher } from './job-dispatcher';
export { QueueModule } from './queue.module';
export { DEFAULT_JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads, QueueName } from './queues';
export { bullConnection, createCommandClient, InjectRedis, REDIS } from './redis';
export { mountQueueDashboard, QUEUE_DASHBOARD_PATH } from './queue-dashboard';
export { RateLimit, redisRateLimiter } from './rate-limiter';
