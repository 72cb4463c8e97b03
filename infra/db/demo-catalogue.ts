import { CommandBus } from '@nestjs/cqrs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UpdateMemberCommand } from '@rl/identity';
import { DefineIndicatorCommand } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { CreateAssignmentCommand, DefinePeriodCommand } from '@rl/reporting';
import { RegisterOrganisationCommand } from '@rl/stakeholders';

export interface DemoCity {
  id: CityId;
  slug: string;
  timezone: string;
  coordinatorId: string;
  collectorId: string;
}

type IndicatorRow = Record<
  | 'code'
  | 'name'
  | 'right'
  | 'type'
  | 'unit'
  | 'direction'
  | 'disaggregations'
  | 'framework_refs'
  | 'typical_source',
  string
>;

const ORGANISATIONS: Record<string, { name: string; kind: 'local_authority' | 'cso' | 'academic' }[]> = {
  ghent: [
    { name: 'Stad Gent — Dienst Welzijn en Gelijke Kansen', kind: 'local_authority' },
    { name: 'Vluchtelingenwerk Vlaanderen', kind: 'cso' },
    { name: 'Universiteit Gent — Human Rights Research Network', kind: 'academic' },
  ],
  padua: [
    { name: 'Comune di Padova — Settore Servizi Sociali', kind: 'local_authority' },
    { name: 'Caritas Diocesana di Padova', kind: 'cso' },
    { name: 'Università di Padova — Centro Diritti Umani', kind: 'academic' },
  ],
};
export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const ASSIGNED_YEARS = ['2024', '2025'];

// What the demo values build on.
export interface DemoCatalogue {
  csoId: string;
  // The city's organisations by kind: its services (local_authority), the CSO and the university.
  organisations: Record<'local_authority' | 'cso' | 'academic', string>;
  indicators: Map<string, { id: string; unit: string }>;
  periods: Map<string, string>;
}

// The demo catalogue (a copy of shared/data/demo/indicators.csv): simple CSV, no quoted fields.
function readCatalogue(): IndicatorRow[] {
  const [header, ...lines] = readFileSync(join(__dirname, 'demo', 'indicators.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const columns = header.split(',');
  return lines.map(
    (line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])) as IndicatorRow,
  );
}

const list = (cell: string) => (cell ? cell.split('|') : []);

// The demo city's organisations, indicator catalogue, periods 2019–2025 and the assignments of 2024 and
// 2025 to its civil-society organisation. Every command carries an idempotency key, so a second start
// returns the first results and records nothing new.
export async function seedDemoCatalogue(commands: CommandBus, city: DemoCity): Promise<DemoCatalogue> {
  const as = (key: string) => ({
    actorId: city.coordinatorId,
    actorRole: 'coordinator',
    idempotencyKey: `demo:${key}`,
  });
  const organisations: { id: string }[] = [];
  for (const organisation of ORGANISATIONS[city.slug] ?? []) {
    organisations.push(
      await commands.execute(
        new RegisterOrganisationCommand(city.id, organisation, as(`organisation:${organisation.name}`)),
      ),
    );
  }
  const cso = organisations[1];
  await commands.execute(
    new UpdateMemberCommand(
      city.id,
      { actorId: city.coordinatorId, actorRole: 'coordinator' },
      city.collectorId,
      {
        organisationId: cso.id,
      },
    ),
  );

  const indicators = [];
  for (const row of readCatalogue()) {
    const created = await commands.execute(
      new DefineIndicatorCommand(
        city.id,
        {
          code: row.code,
          name: { en: row.name },
          right: row.right,
          type: row.type as 'structural' | 'process' | 'outcome',
          unit: row.unit,
          direction: row.direction as 'higher_is_better' | 'lower_is_better' | 'neutral',
          disaggregations: list(row.disaggregations).map((dimension) => ({ dimension, values: [] })),
          frameworkRefs: list(row.framework_refs).map((ref) => {
            const [framework, ...code] = ref.split(':');
            return { framework: framework as 'SDG' | 'FRA' | 'OHCHR', code: code.join(':') };
          }),
          source: row.typical_source,
          status: 'active',
        },
        as(`indicator:${row.code}`),
      ),
    );
    indicators.push({ id: created.id, type: row.type, code: row.code, unit: row.unit });
  }

  const periods = new Map<string, string>();
  for (const year of YEARS) {
    const code = String(year);
    const period = await commands.execute(
      new DefinePeriodCommand(
        city.id,
        city.timezone,
        { code, deadline: `${year + 1}-03-31` },
        as(`period:${code}`),
      ),
    );
    periods.set(code, period.id);
  }

  for (const indicator of indicators.filter((i) => i.type !== 'structural')) {
    for (const code of ASSIGNED_YEARS) {
      const periodId = periods.get(code) as string;
      await commands.execute(
        new CreateAssignmentCommand(
          city.id,
          { indicatorId: indicator.id, organisationId: cso.id, periodId },
          as(`assignment:${indicator.id}:${code}`),
        ),
      );
    }
  }
  return {
    csoId: cso.id,
    organisations: Object.fromEntries(
      (ORGANISATIONS[city.slug] ?? []).map((organisation, i) => [organisation.kind, organisations[i].id]),
    ) as DemoCatalogue['organisations'],
    indicators: new Map(indicators.map((i) => [i.code, { id: i.id, unit: i.unit }])),
    periods,
  };
}
