import { CommandBus } from '@nestjs/cqrs';
import { SignCheckpointCommand } from '@rl/audit';
import { EventStore } from '@rl/event-store';
import { EnsureAccountCommand, AddMemberCommand } from '@rl/identity';
import { asCityId, CityRole } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { CreateCityCommand } from '@rl/tenancy';
import { seedDemoBudget } from './demo-budget';
import { seedDemoCatalogue, YEARS } from './demo-catalogue';
import { seedDemoCollection } from './demo-collection';
import { seedDemoDatasets } from './demo-datasets';
import { DemoGlossary, seedDemoGlossary, seedDemoGlossaryMatches } from './demo-glossary';
import { seedDemoMandates } from './demo-mandates';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoOpenData } from './demo-open-data';
import { seedDemoSdmx } from './demo-sdmx';
import { seedDemoPublication } from './demo-publication';
import { seedDemoPublicPages } from './demo-public-pages';
import { seedDemoReminders } from './demo-reminders';
import { seedDemoReport } from './demo-reports';
import { seedDemoResources } from './demo-resources';
import { seedDemoTasks } from './demo-tasks';
import { seedDemoValues } from './demo-values';

export interface DemoCredential {
  city: string;
  role: CityRole;
  email: string;
  password: string;
}

const DEMO_CITIES = [
  { slug: 'ghent', name: 'Ghent', countryCode: 'BE', defaultLocale: 'nl', timezone: 'Europe/Brussels' },
  { slug: 'padua', name: 'Padua', countryCode: 'IT', defaultLocale: 'it', timezone: 'Europe/Rome' },
];
const DEMO_ROLES: CityRole[] = ['coordinator', 'official', 'collector', 'researcher', 'auditor'];

// Demo accounts are for a local quick start only: their passwords are printed and not secret.
export const demoCredential = (city: string, role: CityRole): DemoCredential => ({
  city,
  role,
  email: `${role}@${city}.demo`,
  password: `demo-${city}-${role}`,
});

// Idempotent: cities, accounts and memberships that exist are left as they are, and the catalogue's
// commands carry idempotency keys.
export async function seedDemo(
  commands: CommandBus,
  db: TenantDb,
  events: EventStore,
  waiter: ProjectionWaiter,
  operatorId: string,
): Promise<{ credentials: DemoCredential[]; reminderDeadline: Date }> {
  const credentials: DemoCredential[] = [];
  const glossaries: DemoGlossary[] = [];
  let reminderDeadline = new Date();
  for (const city of DEMO_CITIES) {
    const existing = await db.platform((em) =>
      em.query<{ id: string }[]>('SELECT id FROM cities WHERE slug = $1', [city.slug]),
    );
    const cityId = existing[0]?.id ?? (await commands.execute(new CreateCityCommand(city))).id;
    const userIds = new Map<CityRole, string>();
    for (const role of DEMO_ROLES) {
      const credential = demoCredential(city.slug, role);
      const name = `${city.name} demo ${role}`;
      const { userId } = await commands.execute(new EnsureAccountCommand({ ...credential, name }));
      userIds.set(role, userId);
      const isMember = await db.inCity(
        asCityId(cityId),
        async (em) =>
          (await em.query<unknown[]>('SELECT 1 FROM memberships WHERE user_id = $1', [userId])).length > 0,
      );
      if (!isMember) {
        await commands.execute(
          new AddMemberCommand(
            asCityId(cityId),
            { actorId: operatorId, actorRole: 'operator' },
            { email: credential.email, name, role },
            // The seed made these accounts itself: they are members at once, with no e-mail.
            { activeAtOnce: true },
          ),
        );
      }
      credentials.push(credential);
    }
    const user = (role: CityRole) => userIds.get(role) as string;
    const catalogue = await seedDemoCatalogue(commands, {
      id: asCityId(cityId),
      slug: city.slug,
      timezone: city.timezone,
      coordinatorId: user('coordinator'),
      collectorId: user('collector'),
    });
    const people = {
      id: asCityId(cityId),
      slug: city.slug,
      coordinatorId: user('coordinator'),
      officialId: user('official'),
      collectorId: user('collector'),
      researcherId: user('researcher'),
    };
    await seedDemoValues(commands, people, catalogue);
    await seedDemoPublication(commands, {
      id: asCityId(cityId),
      slug: city.slug,
      coordinatorId: user('coordinator'),
      indicators: catalogue.indicators,
      years: YEARS,
    });
    reminderDeadline = await seedDemoReminders(commands, events, {
      id: asCityId(cityId),
      timezone: city.timezone,
      coordinatorId: user('coordinator'),
      csoId: catalogue.csoId,
      indicatorId: [...catalogue.indicators.values()][0].id,
    });
    const followedIndicatorId = [...catalogue.indicators.values()][0].id;
    glossaries.push(
      await seedDemoGlossary(commands, { ...people, csoId: catalogue.csoId, followedIndicatorId }),
    );
    await seedDemoResources(commands, { ...people, catalogue });
    await seedDemoDatasets(commands, { ...people, ...catalogue });
    await seedDemoBudget(commands, db, {
      ...people,
      csoId: catalogue.csoId,
      indicators: catalogue.indicators,
    });
    await seedDemoMandates(commands, db, people, catalogue);
    await seedDemoMeetings(commands, glossaries[glossaries.length - 1], catalogue);
    await seedDemoTasks(commands, {
      ...people,
      timezone: city.timezone,
      csoId: catalogue.csoId,
      indicatorId: [...catalogue.indicators.values()][0].id,
    });
    await seedDemoSdmx(commands, people, await seedDemoOpenData(commands, people, catalogue));
    await seedDemoPublicPages(commands, people, catalogue);
    await seedDemoCollection(commands, people, [...catalogue.indicators.values()][0].id);
    await seedDemoReport(commands, db, { ...people, name: city.name, timezone: city.timezone });
  }
  await seedDemoGlossaryMatches(commands, waiter, glossaries);
  // A signed checkpoint of each seeded head, so an auditor sees evidence and can verify an export at once.
  for (const { city } of glossaries) await commands.execute(new SignCheckpointCommand(city.id));
  return { credentials, reminderDeadline };
}
