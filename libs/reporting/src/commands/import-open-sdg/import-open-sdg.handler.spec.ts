import { loadConfig } from '@rl/config';
import { commandMetadata } from '@rl/web/testing';
import { SubmissionChecks } from '../../submissions/submission-writes';
import { InMemoryReportingLedger, InMemorySubmissionReferences, RecordedWakeups } from '../../testing';
import { ghent, indicatorId, organisationId } from '../../testing/reporting-fixtures';
import { ImportOpenSdgCommand } from './import-open-sdg.command';
import { ImportOpenSdgDto } from './import-open-sdg.dto';
import { ImportOpenSdgHandler } from './import-open-sdg.handler';
import { ImportRunner } from './import-runner';

const CSV = 'Year,Sexe,Value\n2015,Dona,10\n2016,Dona,12\n2016,Home,11\n';
const MAPPING = JSON.stringify({ columns: { Sexe: 'sex' }, values: { sex: { Dona: 'F', Home: 'M' } } });
const official = commandMetadata({ actorRole: 'official', organisationId });

const setUp = (syncMaxBytes = 1_000) => {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused',
    REDIS_URL: 'redis://127.0.0.1:6379',
    IMPORT_SYNC_MAX_BYTES: String(syncMaxBytes),
  });
  const references = new InMemorySubmissionReferences().withIndicator(ghent, indicatorId);
  const ledger = new InMemoryReportingLedger();
  ledger.aggregates.given(ghent, `organisation-${organisationId}`, [
    { type: 'OrganisationRegistered', data: {} },
  ]);
  const store = ledger.imports;
  const wakeups = new RecordedWakeups();
  const checks = new SubmissionChecks(references);
  const runner = new ImportRunner(store, checks, references, ledger, config);
  const handler = new ImportOpenSdgHandler(checks, store, runner, config, wakeups);
  return { handler, ledger, store, wakeups };
};

const upload = (csv: string, input: Partial<ImportOpenSdgDto> = {}) =>
  new ImportOpenSdgCommand(
    ghent,
    'Europe/Brussels',
    { indicatorId, mapping: MAPPING, ...input },
    { name: 'sdg.csv', buffer: Buffer.from(csv) },
    official,
  );

describe('ImportOpenSdgHandler', () => {
  it('imports a small file during the request: a period and a submission per year, all at once', async () => {
    const { handler, ledger, store } = setUp();
    const result = await handler.execute(upload(CSV));
    expect(result).toMatchObject({ ok: true, rows: 3, accepted: 3, periodsCreated: ['2015', '2016'] });
    if (!('submissions' in result)) throw new Error('expected a report');
    const [, second] = result.submissions;
    expect(ledger.aggregates.eventsOf(ghent, `submission-${second.id}`)).toEqual([
      {
        type: 'SubmissionSubmitted',
        data: expect.objectContaining({
          observations: [
            { key: 'sex:F', disaggregation: { sex: 'F' }, value: 12, status: 'normal' },
            { key: 'sex:M', disaggregation: { sex: 'M' }, value: 11, status: 'normal' },
          ],
          source: 'import',
          note: 'Imported from sdg.csv',
        }),
      },
    ]);
    expect(ledger.periodCodes.size).toBe(2);
    expect(store.rows.get(result.id)).toMatchObject({ status: 'done', position: result.position });
  });

  it('writes nothing in a dry run, and reports what it would do', async () => {
    const { handler, ledger } = setUp();
    const result = await handler.execute(upload(CSV, { dryRun: 'true' }));
    expect(result).toMatchObject({
      ok: true,
      dryRun: true,
      periodsCreated: ['2015', '2016'],
      submissions: [],
    });
    expect(ledger.periodCodes.size).toBe(0);
  });

  it('hands a larger file to the worker', async () => {
    const { handler, store, wakeups } = setUp(10);
    const result = await handler.execute(upload(CSV));
    expect(result).toEqual({ id: expect.any(String), status: 'queued' });
    expect(wakeups.woken).toEqual([result.id]);
    expect(store.rows.get(result.id)).toMatchObject({ status: 'queued', organisationId });
  });

  it('refuses the whole file when a row is refused, and writes nothing', async () => {
    const { handler, ledger } = setUp();
    await expect(handler.execute(upload(`${CSV}2017,Dona,abc\n`))).rejects.toMatchObject({
      code: 'IMPORT.REJECTED',
      errors: [{ field: 'row 5', message: 'Value "abc" is not a number' }],
    });
    expect(ledger.periodCodes.size).toBe(0);
  });

  it('refuses at once a mapping that is no JSON and an indicator the city lacks', async () => {
    const { handler, store } = setUp();
    await expect(handler.execute(upload(CSV, { mapping: '{' }))).rejects.toMatchObject({
      code: 'IMPORT.INVALID_MAPPING',
    });
    const unknown = upload(CSV, { indicatorId: '0192f0aa-0000-7000-8000-0000000000ff' });
    await expect(handler.execute(unknown)).rejects.toMatchObject({ code: 'SUBMISSION.UNKNOWN_INDICATOR' });
    expect(store.rows.size).toBe(0);
  });
});
