import { runScript } from '@rl/runtime';
import { createWorker } from './create-worker';

runScript(async (config) => {
  const worker = await createWorker(config);
  worker.enableShutdownHooks();
});
