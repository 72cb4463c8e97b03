import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ProjectionRebuilder, ProjectionRegistry } from '@rl/projections';
import { runScript, UsageError } from '@rl/runtime';
import { ProjectionToolsModule } from '@rl/worker';

// npm run projections:rebuild -- [projection] [--city slug]
// Rebuilds read models from the event log, city by city, while the system keeps running.
function parseArguments(argv: string[]): { projection?: string; city?: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { city: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length > 1)
    throw new UsageError('Usage: npm run projections:rebuild -- [projection] [--city slug]');
  return { projection: positionals[0], city: values.city };
}

runScript(async (config) => {
  const args = parseArguments(process.argv.slice(2));
  const app = await NestFactory.createApplicationContext(ProjectionToolsModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const registry = app.get(ProjectionRegistry);
    const known = registry.all();
    const projections = known.filter((p) => args.projection === undefined || p.name === args.projection);
    if (projections.length === 0) {
      throw new UsageError(
        `No projection named ${args.projection}; known: ${known.map((p) => p.name).join(', ')}`,
      );
    }
    const cities = await app
      .get(TenantDb)
      .platform((em) =>
        em.query<{ id: string; slug: string }[]>(
          `SELECT id, slug FROM cities WHERE $1::text IS NULL OR slug = $1 ORDER BY slug`,
          [args.city ?? null],
        ),
      );
    if (cities.length === 0) throw new UsageError(`No city with slug ${args.city}`);
    const rebuilder = app.get(ProjectionRebuilder);
    for (const city of cities) {
      for (const projection of projections) {
        const bar = new SingleBar(
          {
            format: `${city.slug} ${projection.name} [{bar}] {value}/{total} events {percentage}% {eta_formatted}`,
            noTTYOutput: true,
          },
          Presets.shades_classic,
        );
        bar.start(1, 0);
        const started = Date.now();
        const position = await rebuilder.rebuild(asCityId(city.id), projection, ({ position: at, head }) => {
          bar.setTotal(head);
          bar.update(at);
        });
        bar.stop();
        const seconds = (Date.now() - started) / 1_000;
        process.stdout.write(
          `${city.slug} ${projection.name}: rebuilt to position ${position} in ${seconds.toFixed(1)} s (${Math.round(position / Math.max(seconds, 0.001))} events/s)\n`,
        );
      }
    }
  } finally {
    await app.close();
  }
});
