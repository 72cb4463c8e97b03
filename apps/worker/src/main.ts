import { loadConfig } from '@rl/config';
import { createWorker } from './create-worker';

async function main(): Promise<void> {
  const worker = await createWorker(loadConfig(process.env));
  worker.enableShutdownHooks();
}

void main();
