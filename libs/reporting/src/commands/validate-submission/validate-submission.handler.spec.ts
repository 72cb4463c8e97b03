import { commandMetadata } from '@rl/web/testing';
import { citySettingsDecider, citySettingsStream } from '../../domain/city-settings.decider';
import { submissionDecider } from '../../domain/submission.decider';
import { InMemoryReportingLedger } from '../../testing';
import {
  ghent,
  indicatorId,
  organisationId,
  periodId,
  submissionId,
  submittedData,
} from '../../testing/reporting-fixtures';
import { ValidateSubmissionCommand } from './validate-submission.command';
import { ValidateSubmissionHandler } from './validate-submission.handler';

const stream = `submission-${submissionId}`;
const validate = (actorId: string, expectedVersion = 1) =>
  new ValidateSubmissionCommand(ghent, submissionId, expectedVersion, commandMetadata({ actorId }));

// A submission submitted by `actorId`, open in its slot.
const setUp = async (actorId = 'collector') => {
  const ledger = new InMemoryReportingLedger().open(
    ghent,
    { indicatorId, periodId, organisationId },
    submissionId,
  );
  const command = { type: 'SubmitData' as const, ...submittedData };
  await ledger.aggregates.handle(ghent, submissionDecider, stream, command, { metadata: { actorId } });
  return { ledger, handler: new ValidateSubmissionHandler(ledger, ledger.aggregates) };
};

describe('ValidateSubmissionHandler', () => {
  it('validates at the version reviewed and frees the slot for a new submission', async () => {
    const { ledger, handler } = await setUp();
    expect(await handler.execute(validate('official'))).toEqual({
      status: 'validated',
      version: 2,
      position: 2,
    });
    expect(ledger.aggregates.eventsOf(ghent, stream)[1].type).toBe('SubmissionValidated');
    expect(ledger.openSubmissions.size).toBe(0);
  });

  it('refuses the submitter (four eyes) unless the city turned four eyes off', async () => {
    const { ledger, handler } = await setUp('official');
    await expect(handler.execute(validate('official'))).rejects.toMatchObject({
      code: 'SUBMISSION.SAME_PERSON',
    });
    await ledger.aggregates.handle(
      ghent,
      citySettingsDecider,
      citySettingsStream(ghent),
      { type: 'ChangeCitySettings', fourEyes: false },
      { metadata: { actorId: 'coordinator' } },
    );
    expect(await handler.execute(validate('official'))).toMatchObject({ status: 'validated' });
  });

  it('refuses a stale If-Match with the current version', async () => {
    const { handler } = await setUp();
    await expect(handler.execute(validate('official', 3))).rejects.toMatchObject({
      code: 'SUBMISSION.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });
});
