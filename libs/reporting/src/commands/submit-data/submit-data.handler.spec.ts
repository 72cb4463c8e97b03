import { commandMetadata } from '@rl/web/testing';
import { SubmissionChecks } from '../../submissions/submission-writes';
import { InMemoryReportingLedger, InMemorySubmissionReferences } from '../../testing';
import { ghent, indicatorId, organisationId, periodId } from '../../testing/reporting-fixtures';
import { SubmitDataCommand } from './submit-data.command';
import { SubmitDataHandler } from './submit-data.handler';

const collector = commandMetadata({ actorRole: 'collector', organisationId });
const official = commandMetadata({ actorRole: 'official', organisationId: null });
const submit = (metadata = collector, value = 10) =>
  new SubmitDataCommand(
    ghent,
    { indicatorId, periodId, observations: [{ disaggregation: { sex: 'F' }, value }] },
    metadata,
  );

const setUp = (references = new InMemorySubmissionReferences()) => {
  references
    .withIndicator(ghent, indicatorId, { definitionVersion: 3, series: 2 })
    .withPeriod(ghent, periodId, { code: '2024-Q1', deadline: '2024-04-30T21:59:59Z' });
  const ledger = new InMemoryReportingLedger().assign(ghent, {
    assignmentId: 'a1',
    indicatorId,
    organisationId,
    periodId,
  });
  const handler = new SubmitDataHandler(ledger, new SubmissionChecks(references));
  return { ledger, handler, references };
};

describe('SubmitDataHandler', () => {
  it("records an assigned collector's data under the indicator's definition, late after the deadline", async () => {
    const { ledger, handler } = setUp();
    const view = await handler.execute(submit());
    expect(view).toMatchObject({ status: 'submitted', version: 1 });
    expect(ledger.aggregates.eventsOf(ghent, `submission-${view.id}`)).toEqual([
      {
        type: 'SubmissionSubmitted',
        data: {
          submissionId: view.id,
          indicatorId,
          periodId,
          organisationId,
          observations: [{ key: 'sex:F', disaggregation: { sex: 'F' }, value: 10, status: 'normal' }],
          late: true,
          definitionVersion: 3,
          series: 2,
        },
      },
    ]);
  });

  it('flags an outlier against the validated values of the series, and accepts it', async () => {
    const references = new InMemorySubmissionReferences().withValidated(ghent, indicatorId, [
      { key: 'sex:F', value: 2 },
    ]);
    const { ledger, handler } = setUp(references);
    const view = await handler.execute(submit(collector, 100));
    const [event] = ledger.aggregates.eventsOf(ghent, `submission-${view.id}`);
    expect(event.data).toMatchObject({
      observations: [{ outlier: { reason: expect.stringMatching(/factor of 3/) } }],
    });
  });

  it('refuses a second open submission of the slot, naming the open one', async () => {
    const { handler } = setUp();
    const first = await handler.execute(submit());
    await expect(handler.execute(submit())).rejects.toMatchObject({
      code: 'SUBMISSION.ALREADY_OPEN',
      details: { openSubmissionId: first.id },
    });
  });

  it('refuses a collector without an assignment, and an official for an organisation the city lacks', async () => {
    const { ledger, handler } = setUp();
    ledger.assignments.clear();
    await expect(handler.execute(submit())).rejects.toMatchObject({ code: 'SUBMISSION.NOT_ASSIGNED' });
    const forOther = new SubmitDataCommand(
      ghent,
      { indicatorId, periodId, organisationId, observations: [{ disaggregation: {}, value: 1 }] },
      official,
    );
    await expect(handler.execute(forOther)).rejects.toMatchObject({
      code: 'SUBMISSION.UNKNOWN_ORGANISATION',
    });
    await expect(handler.execute(submit(official))).rejects.toMatchObject({
      code: 'SUBMISSION.ORGANISATION_REQUIRED',
    });
  });

  it('refuses an indicator that is not active or unknown, and a period the city lacks', async () => {
    const other = '0192f0aa-0000-7000-8000-0000000000ff';
    const observations = [{ disaggregation: {}, value: 1 }];
    const { handler, references } = setUp();
    const elsewhere = (ids: { indicatorId: string; periodId: string }) =>
      handler.execute(new SubmitDataCommand(ghent, { ...ids, observations }, collector));
    await expect(elsewhere({ indicatorId, periodId: other })).rejects.toMatchObject({
      code: 'SUBMISSION.UNKNOWN_PERIOD',
    });
    await expect(elsewhere({ indicatorId: other, periodId })).rejects.toMatchObject({
      code: 'SUBMISSION.UNKNOWN_INDICATOR',
    });
    references.withIndicator(ghent, indicatorId, { status: 'retired' });
    await expect(handler.execute(submit())).rejects.toMatchObject({
      code: 'SUBMISSION.INDICATOR_NOT_ACTIVE',
    });
  });
});
