import { CommandBus } from '@nestjs/cqrs';
import { AddMemberCommand, EnsureAccountCommand } from '@rl/identity';
import { DefineIndicatorCommand } from '@rl/indicators';
import { asCityId, CityId } from '@rl/kernel';
import { DefinePeriodCommand } from '@rl/reporting';
import { RegisterOrganisationCommand } from '@rl/stakeholders';
import { CreateCityCommand } from '@rl/tenancy';

export interface CityShape {
  // City slug, and the domain of its members' e-mail addresses.
  label: string;
  organisations: number;
  indicators: number;
  periods: number;
  // Of every period.
  deadline: Date;
  timezone: string;
}

export interface SeededCity {
  cityId: CityId;
  operatorId: string;
  coordinatorId: string;
  organisationIds: string[];
  // The collector of each organisation, in the same order.
  collectorIds: string[];
  indicatorIds: string[];
  periodIds: string[];
}

// A city ready for reporting work, through the same commands as the API: an operator, a coordinator,
// organisations with one collector each, active indicators, and periods sharing one deadline (which may
// be past). Members have no password and are active at once (a trusted internal path): all a reminder
// recipient needs, without an argon2 hash each. Used by the benchmarks and the reliability tests.
export async function seedCity(commands: CommandBus, shape: CityShape): Promise<SeededCity> {
  const { label, timezone } = shape;
  const operator = await commands.execute(
    new EnsureAccountCommand({
      email: `${label}-operator@${label}.local`,
      name: `${label} operator`,
      password: `${label}-operator-password`,
      isOperator: true,
    }),
  );
  const city = await commands.execute(
    new CreateCityCommand({ slug: label, name: label, countryCode: 'BE', defaultLocale: 'nl', timezone }),
  );
  const cityId = asCityId(city.id);
  const as = { actorId: operator.userId, actorRole: 'operator' };
  const member = (email: string, name: string, role: 'coordinator' | 'collector', organisationId?: string) =>
    commands.execute(
      new AddMemberCommand(cityId, as, { email, name, role, organisationId }, { activeAtOnce: true }),
    );
  const coordinator = await member(`coordinator@${label}.local`, `${label} coordinator`, 'coordinator');
  const organisationIds: string[] = [];
  const collectorIds: string[] = [];
  for (let o = 0; o < shape.organisations; o++) {
    const organisation = await commands.execute(
      new RegisterOrganisationCommand(cityId, { name: `${label} CSO ${o}`, kind: 'cso' }, as),
    );
    organisationIds.push(organisation.id);
    const collector = await member(
      `collector-${o}@${label}.local`,
      `${label} collector ${o}`,
      'collector',
      organisation.id,
    );
    collectorIds.push(collector.userId);
  }
  const indicatorIds: string[] = [];
  for (let i = 0; i < shape.indicators; i++) {
    const indicator = await commands.execute(
      new DefineIndicatorCommand(
        cityId,
        {
          code: `R-${i}`,
          name: { en: `${label} indicator ${i}` },
          right: 'adequate housing',
          type: 'outcome',
          unit: 'percent',
          direction: 'lower_is_better',
          disaggregations: [],
          frameworkRefs: [],
          status: 'active',
        },
        as,
      ),
    );
    indicatorIds.push(indicator.id);
  }
  const periodIds: string[] = [];
  for (let p = 0; p < shape.periods; p++) {
    const period = await commands.execute(
      new DefinePeriodCommand(
        cityId,
        timezone,
        { code: String(2101 + p), deadline: shape.deadline.toISOString() },
        as,
      ),
    );
    periodIds.push(period.id);
  }
  return {
    cityId,
    operatorId: operator.userId,
    coordinatorId: coordinator.userId,
    organisationIds,
    collectorIds,
    indicatorIds,
    periodIds,
  };
}
