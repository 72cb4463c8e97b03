import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { ProjectionRegistry, ProjectionRunner } from '@rl/projections';
import { BaseModule } from '@rl/runtime';
import { StakeholdersModule } from '@rl/stakeholders';
import { DeliveryCountingProjection } from './delivery-counting.projection';

// A projection worker in its own process, for a parent test to kill: catches the PROJECTIONS (comma
// separated, concurrently) up in CITY_ID with batches of BATCH_SIZE events, then reports the checkpoints
// reached. Configuration comes from the environment like the real worker's (DATABASE_URL, QUEUE_PREFIX, …).
@Module({ providers: [DeliveryCountingProjection] })
class CatchUpChildModule {}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const cityId = asCityId(process.env.CITY_ID ?? '');
  const context = await NestFactory.createApplicationContext(
    { module: CatchUpChildModule, imports: [BaseModule.forRoot(config), StakeholdersModule] },
    { logger: false },
  );
  const registry = context.get(ProjectionRegistry);
  const runner = context.get(ProjectionRunner);
  const projections = (process.env.PROJECTIONS ?? 'organisations')
    .split(',')
    .map((name) => registry.get(name));
  process.stdout.write('started\n');
  const positions = await Promise.all(
    projections.map((projection) => runner.catchUp(cityId, projection, Number(process.env.BATCH_SIZE ?? 10))),
  );
  process.stdout.write(`finished ${positions.join(',')}\n`);
  await context.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
