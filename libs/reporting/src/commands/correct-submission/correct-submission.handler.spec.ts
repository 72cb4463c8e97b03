import { commandMetadata } from '@rl/web/testing';
import { SubmissionChecks } from '../../submissions/submission-writes';
import { InMemoryReportingLedger, InMemorySubmissionReferences } from '../../testing';
import {
  ghent,
  indicatorId,
  organisationId,
  submissionId,
  submitted,
  submittedData,
} from '../../testing/reporting-fixtures';
import { CorrectSubmissionCommand } from './correct-submission.command';
import { CorrectSubmissionHandler } from './correct-submission.handler';

const stream = `submission-${submissionId}`;
const collector = commandMetadata({ actorRole: 'collector', organisationId });
const correct = (metadata = collector, id = submissionId) =>
  new CorrectSubmissionCommand(
    ghent,
    id,
    { reason: ' Recounted ', observations: [{ disaggregation: {}, value: 12, status: 'provisional' }] },
    metadata,
  );

const setUp = () => {
  const references = new InMemorySubmissionReferences().withIndicator(ghent, indicatorId, {
    definitionVersion: 4,
    series: 1,
  });
  const ledger = new InMemoryReportingLedger();
  ledger.aggregates.given(ghent, stream, [submitted]);
  const handler = new CorrectSubmissionHandler(ledger.aggregates, ledger, new SubmissionChecks(references));
  return { ledger, handler };
};

describe('CorrectSubmissionHandler', () => {
  it("supersedes the observations under the indicator's definition as it is now", async () => {
    const { ledger, handler } = setUp();
    expect(await handler.execute(correct())).toEqual({ status: 'submitted', version: 2, position: 2 });
    expect(ledger.aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'SubmissionCorrected',
      data: {
        ...submittedData,
        observations: [{ key: '', disaggregation: {}, value: 12, status: 'provisional' }],
        definitionVersion: 4,
        reason: 'Recounted',
      },
    });
  });

  it('refuses a collector of another organisation and a submission that does not exist', async () => {
    const { handler } = setUp();
    const other = commandMetadata({
      actorRole: 'collector',
      organisationId: '0192f0aa-0000-7000-8000-0000000000ff',
    });
    await expect(handler.execute(correct(other))).rejects.toMatchObject({ code: 'SUBMISSION.NOT_ASSIGNED' });
    await expect(
      handler.execute(correct(collector, '0192f0aa-0000-7000-8000-0000000000ff')),
    ).rejects.toMatchObject({ code: 'SUBMISSION.NOT_FOUND' });
  });

  it('refuses to correct a validated submission', async () => {
    const { ledger, handler } = setUp();
    const { definitionVersion: _version, ...validated } = submittedData;
    ledger.aggregates.given(ghent, stream, [{ type: 'SubmissionValidated', data: validated }]);
    await expect(handler.execute(correct())).rejects.toMatchObject({ code: 'SUBMISSION.INVALID_TRANSITION' });
  });
});
