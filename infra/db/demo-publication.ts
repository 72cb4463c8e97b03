import { CommandBus } from '@nestjs/cqrs';
import { SetPopulationCommand, SetPublicationCommand } from '@rl/comparisons';
import { CityId } from '@rl/kernel';

// Indicators the demo cities share: comparable for both, the last two also public.
const PUBLISHED: { code: string; public: boolean }[] = [
  { code: 'ND-O1', public: false },
  { code: 'HO-O1', public: false },
  { code: 'ED-O1', public: true },
  { code: 'WK-O1', public: true },
];

// Round figures near the cities' size, for per-capita conversions in the demo: illustrative, not official.
const POPULATION: Record<string, number> = { ghent: 265_000, padua: 207_000 };

export interface DemoPublicationCity {
  id: CityId;
  slug: string;
  coordinatorId: string;
  indicators: Map<string, { id: string }>;
  years: readonly number[];
}

export async function seedDemoPublication(commands: CommandBus, city: DemoPublicationCity): Promise<void> {
  const as = (key: string) => ({
    actorId: city.coordinatorId,
    actorRole: 'coordinator',
    idempotencyKey: `demo:${key}`,
  });
  for (const { code, public: open } of PUBLISHED) {
    const indicator = city.indicators.get(code);
    if (!indicator) continue;
    await commands.execute(
      new SetPublicationCommand(
        city.id,
        indicator.id,
        { comparable: true, public: open },
        as(`publication:${code}`),
      ),
    );
  }
  for (const year of city.years) {
    await commands.execute(
      new SetPopulationCommand(
        city.id,
        year,
        {
          total: POPULATION[city.slug] ?? 100_000,
          source: 'Illustrative demo figure — not official statistics',
        },
        as(`population:${year}`),
      ),
    );
  }
}
