import { CommandBus } from '@nestjs/cqrs';
import { EnsureAccountCommand } from '@rl/identity';
import { runScript } from '@rl/runtime';
import { createApi } from './create-api';

runScript(async (config) => {
  const app = await createApi(config);
  app.enableShutdownHooks();
  await app.get(CommandBus).execute(new EnsureAccountCommand({ ...config.operator, isOperator: true }));
  await app.listen(config.port);
});
