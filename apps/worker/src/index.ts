export { createWorker } from './create-worker';
export { ProjectionToolsModule } from './worker.module';
