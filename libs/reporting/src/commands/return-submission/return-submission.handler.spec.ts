import { InMemoryAggregates } from '@rl/event-store/testing';
import { commandMetadata } from '@rl/web/testing';
import { ghent, submissionId, submitted, submittedData } from '../../testing/reporting-fixtures';
import { ReturnSubmissionCommand } from './return-submission.command';
import { ReturnSubmissionHandler } from './return-submission.handler';

const stream = `submission-${submissionId}`;
const returnIt = () =>
  new ReturnSubmissionCommand(ghent, submissionId, { reason: ' Check 2024 ' }, commandMetadata());

describe('ReturnSubmissionHandler', () => {
  it('returns a submitted submission with the reason', async () => {
    const aggregates = new InMemoryAggregates().given(ghent, stream, [submitted]);
    const handler = new ReturnSubmissionHandler(aggregates);
    expect(await handler.execute(returnIt())).toEqual({ status: 'returned', version: 2, position: 2 });
    const { indicatorId, periodId, organisationId } = submittedData;
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'SubmissionReturned',
      data: { submissionId, indicatorId, periodId, organisationId, reason: 'Check 2024' },
    });
  });

  it('refuses to return one that is already returned, or one that does not exist', async () => {
    const aggregates = new InMemoryAggregates().given(ghent, stream, [submitted]);
    const handler = new ReturnSubmissionHandler(aggregates);
    await handler.execute(returnIt());
    await expect(handler.execute(returnIt())).rejects.toMatchObject({
      code: 'SUBMISSION.INVALID_TRANSITION',
    });
    await expect(
      new ReturnSubmissionHandler(new InMemoryAggregates()).execute(returnIt()),
    ).rejects.toMatchObject({
      code: 'SUBMISSION.NOT_FOUND',
    });
  });
});
