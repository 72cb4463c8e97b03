export { createWorker } from './create-worker';
