import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { appendPublicationChange } from '@rl/comparisons';
import { EventStore } from '@rl/event-store';
import { IndicatorEvent, indicatorStream } from '@rl/indicators';
import { asCityId } from '@rl/kernel';
import { parsePeriodCode, PeriodEvent, periodStream, SubmissionEvent, submissionStream } from '@rl/reporting';
import { ReportGenerator, SECTIONS } from '@rl/reports';
import { RegisterOrganisationCommand } from '@rl/stakeholders';
import { CreateCityCommand } from '@rl/tenancy';
import { createWorker } from '@rl/worker';
import { renderReportHtml } from '../../libs/reports/src/render/report-html';
import { renderReportPdf } from '../../libs/reports/src/render/report-pdf';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { benchOperator } from './bench-city';
import { benchConfig, deleteQueueKeys, log, now, round, runBench, table } from './bench-kit';

// npm run bench:reports: the annual report of a city with BENCH_INDICATORS (50) public count indicators
// × BENCH_YEARS (10) years of validated values (a total and a breakdown by sex each, some cells small so
// suppression has work), written straight to the city's log. Times the generation as the worker does it
// (replay of the log up to its head into scratch tables, reading them, the canonical content and its
// hash), twice to show the hash is stable, then the HTML and the PDF. Scratch database BENCH_DATABASE
// (default rl_bench_reports), created and dropped.
process.env.BENCH_DATABASE ??= 'rl_bench_reports';
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 50);
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const LAST_YEAR = 2025;

async function main(): Promise<void> {
  const config = benchConfig(4);
  const { database } = await bootstrapDatabase(config);
  const worker = await createWorker(config);
  try {
    const commands = worker.get(CommandBus);
    const as = await benchOperator(commands, {
      email: 'operator@reports.bench',
      name: 'Operator',
      password: 'bench-operator-password',
    });
    const city = await commands.execute(
      new CreateCityCommand({
        slug: 'rep',
        name: 'Report City',
        countryCode: 'BE',
        defaultLocale: 'nl',
        timezone: 'Europe/Brussels',
      }),
    );
    const cityId = asCityId(city.id);
    const organisation = await commands.execute(
      new RegisterOrganisationCommand(cityId, { name: 'Statistics office', kind: 'local_authority' }, as),
    );
    const store = worker.get(EventStore);
    const indicatorIds = Array.from({ length: INDICATORS }, () => randomUUID());
    const periodIds = Array.from({ length: YEARS }, () => randomUUID());
    const yearOf = (y: number) => LAST_YEAR - YEARS + 1 + y;
    const seedStarted = now();
    await store.transact(cityId, async (tx) => {
      for (const [i, indicatorId] of indicatorIds.entries()) {
        const defined = {
          type: 'IndicatorDefined',
          data: {
            indicatorId,
            definition: {
              code: `REP-${String(i + 1).padStart(2, '0')}`,
              name: { en: `Cases of condition ${i + 1}` },
              right: ['adequate housing', 'education', 'health', 'work'][i % 4],
              type: 'outcome',
              unit: 'count',
              direction: 'lower_is_better',
              disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
              frameworkRefs: [],
            },
          },
        } satisfies IndicatorEvent;
        await tx.append(indicatorStream(indicatorId), 0, [defined], as);
        await appendPublicationChange(tx, { indicatorId, comparable: false, public: true }, as, 0);
      }
      for (const [y, periodId] of periodIds.entries()) {
        const year = yearOf(y);
        const period = {
          type: 'PeriodDefined',
          data: {
            periodId,
            ...parsePeriodCode(String(year)),
            deadline: `${year + 1}-03-31T22:00:00.000Z`,
            timezone: 'Europe/Brussels',
          },
        } satisfies PeriodEvent;
        await tx.append(periodStream(periodId), 0, [period], as);
      }
    });
    for (const periodId of periodIds)
      await store.transact(cityId, async (tx) => {
        for (const [i, indicatorId] of indicatorIds.entries()) {
          const women = (i * 7 + periodId.charCodeAt(0)) % 13;
          const men = 20 + (i % 30);
          const cell = (key: string, disaggregation: Record<string, string>, value: number) => ({
            key,
            disaggregation,
            value,
            status: 'normal' as const,
          });
          const submissionId = randomUUID();
          const event = {
            type: 'SubmissionValidated',
            data: {
              submissionId,
              indicatorId,
              periodId,
              organisationId: organisation.id,
              observations: [
                cell('', {}, women + men),
                cell('sex:F', { sex: 'F' }, women),
                cell('sex:M', { sex: 'M' }, men),
              ],
              late: false,
              series: 1,
            },
          } satisfies SubmissionEvent;
          await tx.append(submissionStream(submissionId), 0, [event], as);
        }
      });
    const head = await store.headPosition(cityId);
    log(
      `seeded ${head} events (${INDICATORS} indicators × ${YEARS} years) in ${round((now() - seedStarted) / 1_000)} s`,
    );

    const generator = worker.get(ReportGenerator);
    const request = { year: LAST_YEAR, title: 'Bench report', sections: [...SECTIONS] };
    const timings: (string | number)[][] = [];
    const time = async <T>(step: string, work: () => Promise<T> | T): Promise<T> => {
      const start = now();
      const result = await work();
      timings.push([step, round(now() - start)]);
      return result;
    };
    const first = await time('generate (replay to head, read, hash)', () =>
      generator.generate(cityId, request),
    );
    const again = await time('generate again at the same position', () =>
      generator.generate(cityId, request, { upTo: first.pin.position }),
    );
    const html = await time('render HTML', () =>
      renderReportHtml(first.content, first.contentHash, [], new Map()),
    );
    const pdf = await time('render PDF', () =>
      renderReportPdf(first.content, first.contentHash, [], new Map()),
    );
    log(
      `report at position ${first.pin.position}: content ${round(JSON.stringify(first.content).length / 1e3)} kB, ` +
        `HTML ${round(html.length / 1e3)} kB, PDF ${round(pdf.length / 1e3)} kB; hash stable: ${again.contentHash === first.contentHash}`,
    );
    log(table(['step', 'ms'], timings));
    log(`peak RSS ${round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await worker.close();
    await deleteQueueKeys(config);
    await dropDatabase(config, database);
  }
}

runBench(main);
