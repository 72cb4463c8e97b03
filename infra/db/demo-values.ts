import { CommandBus } from '@nestjs/cqrs';
import { PostCommentCommand } from '@rl/comments';
import { CityId } from '@rl/kernel';
import {
  CorrectSubmissionCommand,
  CreateAssignmentCommand,
  ReturnSubmissionCommand,
  SubmitDataCommand,
  ValidateSubmissionCommand,
} from '@rl/reporting';
import { DemoCatalogue, YEARS } from './demo-catalogue';

export interface DemoValuesCity {
  id: CityId;
  slug: string;
  coordinatorId: string;
  officialId: string;
  collectorId: string;
  researcherId: string;
}

export const ILLUSTRATIVE = 'Illustrative demo value — not real data';

// A handful of process and outcome indicators with numeric units: a value for 2019, a yearly trend and
// the number of decimals. The values are invented, only plausible for the unit.
const SERIES: { code: string; start: number; trend: number; decimals: number }[] = [
  { code: 'ND-P1', start: 140, trend: 6, decimals: 0 }, // discrimination reports, count
  { code: 'ND-O1', start: 24, trend: -0.8, decimals: 1 }, // percent feeling discriminated
  { code: 'HO-P1', start: 2.1, trend: 0.15, decimals: 2 }, // social housing allocations per 1000
  { code: 'HO-O1', start: 14, trend: -0.6, decimals: 1 }, // homelessness per 10000
  { code: 'ED-O1', start: 11, trend: -0.4, decimals: 1 }, // early school leaving, percent
  { code: 'WK-O1', start: 9, trend: -0.3, decimals: 1 }, // unemployment, percent
];
// Returned with a reason, then corrected and validated; and the one left waiting for review.
const RETURNED: Record<string, { reason: string; factor: number }> = {
  'ND-O1:2021': {
    reason: 'The total differs from last year by more than expected; please check the base',
    factor: 1.4,
  },
  'HO-P1:2022': { reason: 'The rate seems to be per 10 000 inhabitants, not per 1 000', factor: 10 },
};
const LEFT_SUBMITTED = 'WK-O1:2025';

// A small deterministic wiggle in [-1, 1] so that the series do not look ruled.
function wiggle(seed: string): number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 2001) / 1000 - 1;
}

function illustrativeValue(city: string, series: (typeof SERIES)[number], year: number): number {
  const cityFactor = city === 'padua' ? 0.85 : 1;
  const raw = (series.start + series.trend * (year - 2019)) * cityFactor;
  const value = raw * (1 + 0.04 * wiggle(`${city}:${series.code}:${year}`));
  const scale = 10 ** series.decimals;
  return Math.max(0, Math.round(value * scale) / scale);
}

// Illustrative values 2019–2025 submitted by the civil-society collector, validated by the official (two
// returned and corrected first, one left for review), and a short comment thread from the collector and
// the researcher. Assignments for 2019–2023 are added for these indicators (the catalogue assigns 2024 and
// 2025 only). Every command carries an idempotency key: a second start records nothing new.
export async function seedDemoValues(
  commands: CommandBus,
  city: DemoValuesCity,
  catalogue: DemoCatalogue,
): Promise<void> {
  const meta = (actorId: string, actorRole: string, key: string, organisationId?: string) => ({
    actorId,
    actorRole,
    idempotencyKey: `demo:${key}`,
    ...(organisationId !== undefined && { organisationId }),
  });
  const coordinator = (key: string) => meta(city.coordinatorId, 'coordinator', key);
  const official = (key: string) => meta(city.officialId, 'official', key);
  const collector = (key: string) => meta(city.collectorId, 'collector', key, catalogue.csoId);
  const researcher = (key: string) => meta(city.researcherId, 'researcher', key);

  const submissions = new Map<string, string>();
  for (const series of SERIES) {
    const indicator = catalogue.indicators.get(series.code);
    if (!indicator) continue;
    for (const year of YEARS) {
      const code = String(year);
      const periodId = catalogue.periods.get(code) as string;
      if (year < 2024) {
        await commands.execute(
          new CreateAssignmentCommand(
            city.id,
            { indicatorId: indicator.id, organisationId: catalogue.csoId, periodId },
            coordinator(`assignment:${indicator.id}:${code}`),
          ),
        );
      }
      const key = `${series.code}:${code}`;
      const value = illustrativeValue(city.slug, series, year);
      const returned = RETURNED[key];
      const submitted = await commands.execute(
        new SubmitDataCommand(
          city.id,
          {
            indicatorId: indicator.id,
            periodId,
            observations: [
              {
                disaggregation: {},
                value: returned ? Math.round(value * returned.factor * 100) / 100 : value,
                status: year === 2025 ? 'provisional' : 'normal',
              },
            ],
            source: ILLUSTRATIVE,
            note: ILLUSTRATIVE,
          },
          collector(`value:${key}`),
        ),
      );
      submissions.set(key, submitted.id);
      if (key === LEFT_SUBMITTED) continue;
      let version = submitted.version;
      if (returned) {
        await commands.execute(
          new ReturnSubmissionCommand(
            city.id,
            submitted.id,
            { reason: returned.reason },
            official(`value:${key}:return`),
          ),
        );
        const corrected = await commands.execute(
          new CorrectSubmissionCommand(
            city.id,
            submitted.id,
            {
              reason: `Corrected after review. ${ILLUSTRATIVE}`,
              observations: [{ disaggregation: {}, value, status: 'normal' }],
            },
            collector(`value:${key}:correct`),
          ),
        );
        version = corrected.version;
      }
      await commands.execute(
        new ValidateSubmissionCommand(city.id, submitted.id, version, official(`value:${key}:validate`)),
      );
    }
  }

  const indicatorId = catalogue.indicators.get('ND-O1')?.id;
  const submissionId = submissions.get('HO-P1:2022');
  if (indicatorId) {
    await commands.execute(
      new PostCommentCommand(
        city.id,
        {
          target: { kind: 'indicator', id: indicatorId },
          body:
            'Our helpline saw more reports in the same years; the survey may under-count people who do not ' +
            'answer in the local language. (Demo comment on illustrative values.)',
        },
        collector('comment:indicator:ND-O1'),
      ),
    );
  }
  if (submissionId) {
    const question = await commands.execute(
      new PostCommentCommand(
        city.id,
        {
          target: { kind: 'submission', id: submissionId },
          body:
            'The 2022 rate rises while waiting lists grow; were allocations counted at offer or at signature? ' +
            '(Demo comment on illustrative values.)',
        },
        researcher('comment:submission:HO-P1:2022'),
      ),
    );
    await commands.execute(
      new PostCommentCommand(
        city.id,
        {
          target: { kind: 'submission', id: submissionId },
          parentId: question.id,
          body: 'At signature of the lease, as in the housing company register. (Demo reply.)',
        },
        collector('comment:submission:HO-P1:2022:reply'),
      ),
    );
  }
}
