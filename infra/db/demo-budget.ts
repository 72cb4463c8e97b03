import { CommandBus } from '@nestjs/cqrs';
import {
  CreateBudgetLineCommand,
  CreateCallCommand,
  FundProjectCommand,
  SetBudgetLinePublicationCommand,
} from '@rl/budget';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';

export interface DemoBudgetCity {
  id: CityId;
  coordinatorId: string;
  csoId: string;
  indicators: Map<string, { id: string }>;
}

const ILLUSTRATIVE = '(illustrative)';

// The city's university, as the catalogue registered it (from the log: the read model may still lag).
async function academicOrganisation(db: TenantDb, city: DemoBudgetCity): Promise<string> {
  const [row] = await db.inCity(city.id, (em) =>
    em.query<{ id: string }[]>(
      `SELECT data->>'organisationId' AS id FROM events
        WHERE type = 'OrganisationRegistered' AND data->>'kind' = 'academic' ORDER BY position LIMIT 1`,
    ),
  );
  return row?.id ?? city.csoId;
}

// A published budget line linked to two indicators, a call whose criteria weigh contributions to them,
// and two funded projects (the civil-society organisation and the university). Every command carries an
// idempotency key: a second start records nothing new.
export async function seedDemoBudget(
  commands: CommandBus,
  db: TenantDb,
  city: DemoBudgetCity,
): Promise<void> {
  const as = (key: string) => ({
    actorId: city.coordinatorId,
    actorRole: 'coordinator',
    idempotencyKey: `demo:budget:${key}`,
  });
  const indicator = (code: string) => city.indicators.get(code)?.id as string;
  const [school, work] = [indicator('ED-O1'), indicator('WK-O1')];
  const line = await commands.execute(
    new CreateBudgetLineCommand(
      city.id,
      {
        code: 'DEMO-INCL',
        title: `Inclusion grants ${ILLUSTRATIVE}`,
        year: 2025,
        amount: { value: 250000, currency: 'EUR' },
        indicators: [school, work],
      },
      as('line'),
    ),
  );
  const call = await commands.execute(
    new CreateCallCommand(
      city.id,
      {
        title: `Neighbourhood inclusion projects ${ILLUSTRATIVE}`,
        budgetLineId: line.id,
        opens: '2025-03-01T00:00:00Z',
        closes: '2025-04-30T22:00:00Z',
        criteria: [
          {
            indicatorId: school,
            description: `Contribution to fewer early school leavers ${ILLUSTRATIVE}`,
            weight: 50,
          },
          {
            indicatorId: work,
            description: `Contribution to young people's employment ${ILLUSTRATIVE}`,
            weight: 30,
          },
        ],
      },
      as('call'),
    ),
  );
  const projects = [
    { key: 'cso', organisationId: city.csoId, title: 'Homework clubs', value: 90000, indicatorId: school },
    {
      key: 'academic',
      organisationId: await academicOrganisation(db, city),
      title: 'Job coaching with evaluation',
      value: 60000,
      indicatorId: work,
    },
  ];
  for (const { key, organisationId, title, value, indicatorId } of projects) {
    await commands.execute(
      new FundProjectCommand(
        city.id,
        call.id,
        {
          organisationId,
          title: `${title} ${ILLUSTRATIVE}`,
          amount: { value, currency: 'EUR' },
          contributions: [
            { indicatorId, expected: `Illustrative expected contribution of the ${key} project` },
          ],
        },
        as(`project:${key}`),
      ),
    );
  }
  await commands.execute(new SetBudgetLinePublicationCommand(city.id, line.id, true, as('publication')));
}
