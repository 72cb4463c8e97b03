import { CommandBus } from '@nestjs/cqrs';
import { loadConfig } from '@rl/config';
import { EnsureAccountCommand } from '@rl/identity';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApi(config);
  app.enableShutdownHooks();
  await app.get(CommandBus).execute(new EnsureAccountCommand({ ...config.operator, isOperator: true }));
  await app.listen(config.port);
}

void main();
