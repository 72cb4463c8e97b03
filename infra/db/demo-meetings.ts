import { CommandBus } from '@nestjs/cqrs';
import {
  RecordAttendanceCommand,
  RecordDecisionCommand,
  RecordMinutesCommand,
  ScheduleMeetingCommand,
} from '@rl/meetings';
import { DemoCatalogue } from './demo-catalogue';
import { DemoGlossary } from './demo-glossary';

const DAY_MS = 86_400_000;
// Whole hours, so the seeded times read well.
const daysFromNow = (days: number, hour: number) => {
  const at = new Date(Date.now() + days * DAY_MS);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

// A city's meetings: a past results session on the 2025 values (agenda, attendance, public minutes and two
// decisions, one on an indicator and one on a glossary term) and an upcoming operational meeting to
// which the civil-society organisation is invited. All illustrative. Every command carries an
// idempotency key: a second start records nothing new.
export async function seedDemoMeetings(
  commands: CommandBus,
  { city, terms }: DemoGlossary,
  catalogue: DemoCatalogue,
): Promise<void> {
  const as = (key: string) => ({
    actorId: city.coordinatorId,
    actorRole: 'coordinator',
    idempotencyKey: `demo:meetings:${key}`,
  });
  const [indicator] = [...catalogue.indicators.values()];
  const [term] = [...terms.values()];
  const periodId = catalogue.periods.get('2025');
  const results = await commands.execute(
    new ScheduleMeetingCommand(
      city.id,
      {
        title: 'Results session 2025 (illustrative)',
        kind: 'results',
        startsAt: daysFromNow(-14, 8),
        endsAt: daysFromNow(-14, 10),
        place: 'City hall, meeting room 2 (illustrative)',
        agenda: [
          {
            title: 'Preliminary values of 2025',
            durationMinutes: 45,
            links: [{ kind: 'indicator', id: indicator.id }],
          },
          { title: 'Interpretation with the organisations', durationMinutes: 60 },
          { title: 'Wording of the glossary', durationMinutes: 15, links: [{ kind: 'term', id: term }] },
        ],
        ...(periodId !== undefined && { periodId }),
        indicatorIds: [indicator.id],
        invitedOrganisationIds: [catalogue.csoId],
      },
      as('results'),
    ),
  );
  await commands.execute(
    new RecordAttendanceCommand(
      city.id,
      results.id,
      {
        attendees: [
          { userId: city.coordinatorId },
          { userId: city.officialId },
          { userId: city.collectorId, organisationId: catalogue.csoId },
          { userId: city.researcherId },
        ],
      },
      as('results:attendance'),
    ),
  );
  await commands.execute(
    new RecordMinutesCommand(
      city.id,
      results.id,
      {
        text: 'Illustrative minutes: the values of 2025 were presented and discussed with the organisations.',
        visibility: 'public',
      },
      as('results:minutes'),
    ),
  );
  const decisions = [
    {
      key: 'indicator',
      text: 'Illustrative: collect the indicator again next year',
      link: { kind: 'indicator' as const, id: indicator.id },
    },
    {
      key: 'term',
      text: 'Illustrative: use the adopted glossary definition',
      link: { kind: 'term' as const, id: term },
    },
  ];
  for (const { key, text, link } of decisions) {
    await commands.execute(
      new RecordDecisionCommand(city.id, results.id, { text, links: [link] }, as(`results:decision:${key}`)),
    );
  }
  await commands.execute(
    new ScheduleMeetingCommand(
      city.id,
      {
        title: 'Operational meeting (illustrative)',
        kind: 'operational',
        startsAt: daysFromNow(7, 13),
        endsAt: daysFromNow(7, 14),
        online: 'https://meet.example.org/rights-ledger-demo',
        agenda: [{ title: 'Planning of the next collection', durationMinutes: 45 }],
        invitedOrganisationIds: [catalogue.csoId],
      },
      as('operational'),
    ),
  );
}
