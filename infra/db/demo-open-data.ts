import { CommandBus } from '@nestjs/cqrs';
import { SetPublicationCommand } from '@rl/comparisons';
import { DefineIndicatorCommand } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { CreateAssignmentCommand, SubmitDataCommand, ValidateSubmissionCommand } from '@rl/reporting';
import { DemoCatalogue } from './demo-catalogue';
import { DemoValuesCity, ILLUSTRATIVE } from './demo-values';

const CODE = 'OD-P1';
const YEAR = '2024';
// Counts by district, one of them small: the public export blanks it (Q) with the next smallest, which
// would otherwise give it away through the total (the default rule for counts, minimum 5).
const DISTRICTS: Record<string, Record<string, number>> = {
  ghent: { Centrum: 21, Ledeberg: 3, Brugse_Poort: 12, Gentbrugge: 9 },
  padua: { Centro: 17, Arcella: 11, Guizza: 2, Portello: 8 },
};

// The published demo indicator, for the demos built on it (its SDMX mapping).
export interface DemoOpenData {
  indicatorId: string;
  districts: string[];
}

// A public count indicator with district breakdowns, to show small-number suppression in the open-data
// exports (GET /v1/public/cities/:city/data/OD-P1?format=csv). Idempotent: every command has a key.
export async function seedDemoOpenData(
  commands: CommandBus,
  city: DemoValuesCity & { id: CityId },
  catalogue: DemoCatalogue,
): Promise<DemoOpenData | undefined> {
  const meta = (actorId: string, actorRole: string, key: string, organisationId?: string) => ({
    actorId,
    actorRole,
    idempotencyKey: `demo:open-data:${key}`,
    ...(organisationId !== undefined && { organisationId }),
  });
  const coordinator = (key: string) => meta(city.coordinatorId, 'coordinator', key);
  const periodId = catalogue.periods.get(YEAR);
  const districts = DISTRICTS[city.slug];
  if (!periodId || !districts) return undefined;
  const { id: indicatorId } = await commands.execute(
    new DefineIndicatorCommand(
      city.id,
      {
        code: CODE,
        name: { en: 'Forced evictions carried out (illustrative)' },
        description: { en: `Evictions executed by bailiffs, by district. ${ILLUSTRATIVE}` },
        right: 'adequate-housing',
        type: 'outcome',
        unit: 'count',
        direction: 'lower_is_better',
        disaggregations: [{ dimension: 'district', values: Object.keys(districts) }],
        frameworkRefs: [],
        status: 'active',
      },
      coordinator('indicator'),
    ),
  );
  await commands.execute(
    new CreateAssignmentCommand(
      city.id,
      { indicatorId, organisationId: catalogue.csoId, periodId },
      coordinator('assignment'),
    ),
  );
  const total = Object.values(districts).reduce((sum, n) => sum + n, 0);
  const submitted = await commands.execute(
    new SubmitDataCommand(
      city.id,
      {
        indicatorId,
        periodId,
        observations: [
          { disaggregation: {}, value: total },
          ...Object.entries(districts).map(([district, value]) => ({ disaggregation: { district }, value })),
        ],
        source: ILLUSTRATIVE,
      },
      meta(city.collectorId, 'collector', 'submit', catalogue.csoId),
    ),
  );
  await commands.execute(
    new ValidateSubmissionCommand(
      city.id,
      submitted.id,
      submitted.version,
      meta(city.officialId, 'official', 'validate'),
    ),
  );
  await commands.execute(
    new SetPublicationCommand(
      city.id,
      indicatorId,
      { comparable: false, public: true },
      coordinator('publication'),
    ),
  );
  return { indicatorId, districts: Object.keys(districts) };
}
