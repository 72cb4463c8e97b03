import { CommandBus } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { OfferResourceCommand, OfferResourceDto } from '@rl/resources';
import { DemoCatalogue } from './demo-catalogue';

export interface DemoResourcesCity {
  id: CityId;
  slug: string;
  coordinatorId: string;
  officialId: string;
  collectorId: string;
  catalogue: DemoCatalogue;
}

type Offerer = 'collector' | 'official' | 'coordinator';

// One resource of each kind per city: the civil-society organisation's venue (offered by its collector),
// the city's small grant, the university's survey expertise. Invented, and titled so.
const RESOURCES: Record<
  string,
  {
    key: string;
    by: Offerer;
    from: 'cso' | 'authority' | 'academic';
    indicator: string;
    body: Omit<OfferResourceDto, 'offeredBy' | 'links'>;
  }[]
> = {
  ghent: [
    {
      key: 'venue',
      by: 'collector',
      from: 'cso',
      indicator: 'ND-P1',
      body: {
        kind: 'material',
        title: 'Meeting room for 40 people (illustrative)',
        description: 'Step-free access, projector and screen; free of charge for monitoring sessions.',
        availability: { from: '2026-01-01', note: 'Weekday evenings (illustrative)' },
        contactRole: 'Volunteer coordinator',
      },
    },
    {
      key: 'grant',
      by: 'coordinator',
      from: 'authority',
      indicator: 'ED-O1',
      body: {
        kind: 'financial',
        title: 'Small grant for neighbourhood data collection (illustrative)',
        amount: { value: 5000, currency: 'EUR' },
        availability: { from: '2026-01-01', until: '2026-12-31', note: 'Illustrative amount' },
        contactRole: 'Grants officer',
      },
    },
    {
      key: 'survey-design',
      by: 'official',
      from: 'academic',
      indicator: 'HO-O1',
      body: {
        kind: 'knowledge',
        title: 'Expertise in survey design (illustrative)',
        description: 'Review of questionnaires and sampling before a new collection tool is built.',
        contactRole: 'Research methods advisor',
      },
    },
  ],
  padua: [
    {
      key: 'venue',
      by: 'collector',
      from: 'cso',
      indicator: 'ND-P1',
      body: {
        kind: 'material',
        title: 'Sala riunioni per 30 persone (illustrative)',
        availability: { note: 'Sabato mattina (illustrative)' },
        contactRole: 'Coordinatore dei volontari',
      },
    },
    {
      key: 'grant',
      by: 'coordinator',
      from: 'authority',
      indicator: 'ED-O1',
      body: {
        kind: 'financial',
        title: 'Piccolo contributo per la raccolta dati (illustrative)',
        amount: { value: 3000, currency: 'EUR' },
        availability: { from: '2026-03-01', until: '2026-11-30', note: 'Illustrative amount' },
        contactRole: 'Ufficio contributi',
      },
    },
    {
      key: 'survey-design',
      by: 'official',
      from: 'academic',
      indicator: 'HO-O1',
      body: {
        kind: 'knowledge',
        title: 'Consulenza sul disegno di indagini (illustrative)',
        contactRole: 'Consulente metodologico',
      },
    },
  ],
};

// Every command carries an idempotency key: a second start records nothing new.
export async function seedDemoResources(commands: CommandBus, city: DemoResourcesCity): Promise<void> {
  const { catalogue } = city;
  const organisations = {
    cso: catalogue.csoId,
    authority: catalogue.organisations.local_authority,
    academic: catalogue.organisations.academic,
  };
  const actors: Record<Offerer, { actorId: string; actorRole: string; organisationId?: string }> = {
    collector: { actorId: city.collectorId, actorRole: 'collector', organisationId: catalogue.csoId },
    official: { actorId: city.officialId, actorRole: 'official' },
    coordinator: { actorId: city.coordinatorId, actorRole: 'coordinator' },
  };
  for (const resource of RESOURCES[city.slug] ?? []) {
    const indicator = catalogue.indicators.get(resource.indicator);
    const input: OfferResourceDto = {
      ...resource.body,
      offeredBy: organisations[resource.from],
      links: indicator ? [{ kind: 'indicator', id: indicator.id }] : [],
    };
    await commands.execute(
      new OfferResourceCommand(city.id, input, {
        ...actors[resource.by],
        idempotencyKey: `demo:resource:${resource.key}`,
      }),
    );
  }
}
