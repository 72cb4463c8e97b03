export { Checkpoints, StaleCheckpointError } from './checkpoints';
export { ProjectionSweep } from './projection-jobs';
export { Projection, ProjectionDefinition } from './projection';
export { ProjectionRebuilder, RebuildProgress } from './projection-rebuilder';
export { ProjectionRegistry } from './projection-registry';
export { ProjectionRunner, WORKER_ID } from './projection-runner';
export { ProjectionWaiter, READ_YOUR_WRITES_TIMEOUT_MS } from './projection-waiter';
export { ProjectionWakeups } from './projection-wakeups';
export { ProjectionsModule } from './projections.module';
