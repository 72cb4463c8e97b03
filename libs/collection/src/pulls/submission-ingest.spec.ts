import { CommandBus } from '@nestjs/cqrs';
import { asCityId, DomainError } from '@rl/kernel';
import { CorrectSubmissionCommand, SubmitDataCommand } from '@rl/reporting';
import { ConnectionRow } from '../persistence/collection.store';
import { InMemoryCollectionReferences, InMemoryCollectionStore } from '../testing';
import { SubmissionIngest } from './submission-ingest';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const slot = {
  organisationId: '0192f0aa-0000-7000-8000-0000000000d1',
  periodId: '0192f0aa-0000-7000-8000-0000000000e1',
};
const connection = {
  id: '0192f0aa-0000-7000-8000-0000000000c9',
  kind: 'odk-central',
  formId: '7/shelter_counts',
  indicatorId: '0192f0aa-0000-7000-8000-0000000000b1',
  assignmentId: '0192f0aa-0000-7000-8000-0000000000a1',
  createdBy: '0192f0aa-0000-7000-8000-00000000a001',
  ...slot,
} as ConnectionRow;
const dimensions = [{ dimension: 'sex', values: ['F', 'M'] }];
const answer = (editId: string, answers: Record<string, unknown>) => ({
  logicalId: 'first',
  editId,
  changedAt: null,
  answers,
});

// The command bus as the reporting handlers answer it: one submission id, or their refusal.
class Bus {
  readonly sent: (SubmitDataCommand | CorrectSubmissionCommand)[] = [];
  refusal?: DomainError;
  execute(command: SubmitDataCommand | CorrectSubmissionCommand) {
    this.sent.push(command);
    if (this.refusal) return Promise.reject(this.refusal);
    return Promise.resolve({ id: '0192f0aa-0000-7000-8000-0000000000f1', version: 1, position: 1 });
  }
}

const setUp = () => {
  const bus = new Bus();
  const store = new InMemoryCollectionStore();
  const ingest = new SubmissionIngest(
    bus as unknown as CommandBus,
    store,
    new InMemoryCollectionReferences(),
  );
  const run = (editId: string, answers: Record<string, unknown>) =>
    ingest.ingest(ghent, connection, dimensions, answer(editId, answers), 'run-1');
  return { bus, store, run };
};

describe('SubmissionIngest', () => {
  it('submits once as the connecting coordinator, keyed by connection, logical id and edit', async () => {
    const { bus, run } = setUp();
    expect(await run('e1', { total: 10, sex_F: 6 })).toEqual({ kind: 'created' });
    expect(await run('e1', { total: 10, sex_F: 6 })).toEqual({ kind: 'ignored' });
    expect(bus.sent).toHaveLength(1);
    const [command] = bus.sent as SubmitDataCommand[];
    expect(command.input).toMatchObject({ indicatorId: connection.indicatorId, ...slot });
    expect(command.metadata).toMatchObject({
      actorId: connection.createdBy,
      actorRole: 'coordinator',
      idempotencyKey: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('corrects for an edit with other values, ignores one with the same', async () => {
    const { bus, run } = setUp();
    await run('e1', { total: 10 });
    expect(await run('e2', { total: 10 })).toEqual({ kind: 'ignored' });
    expect(await run('e3', { total: 12 })).toEqual({ kind: 'corrected' });
    const correction = bus.sent[1] as CorrectSubmissionCommand;
    expect(correction).toBeInstanceOf(CorrectSubmissionCommand);
    expect(correction.submissionId).toBe('0192f0aa-0000-7000-8000-0000000000f1');
    expect(correction.metadata.idempotencyKey).not.toBe(bus.sent[0].metadata.idempotencyKey);
  });

  it("rejects the reporting checks' refusal with the question named, and the same edit only once", async () => {
    const { bus, run } = setUp();
    bus.refusal = new DomainError(
      'invalid',
      'SUBMISSION.INVALID_OBSERVATIONS',
      'Some values are not allowed',
      [{ field: 'observations.1.value', message: 'must be a non-negative whole number for a count' }],
    );
    expect(await run('e1', { total: 1, sex_M: -2 })).toEqual({
      kind: 'rejected',
      reason: 'Some values are not allowed: sex_M must be a non-negative whole number for a count',
    });
    expect(await run('e1', { total: 1, sex_M: -2 })).toEqual({ kind: 'ignored' });
    bus.refusal = undefined;
    expect(await run('e2', { total: 1, sex_M: 2 })).toEqual({ kind: 'created' });
  });

  it('rejects an indicator connection whose answer names no assignment of it', async () => {
    const { run } = setUp();
    const bare = { ...connection, assignmentId: null, organisationId: null, periodId: null };
    const ingest = new SubmissionIngest(
      new Bus() as unknown as CommandBus,
      new InMemoryCollectionStore(),
      new InMemoryCollectionReferences(),
    );
    expect(
      await ingest.ingest(ghent, bare, dimensions, answer('e1', { total: 1, assignment_id: 'nope' }), 'r'),
    ).toEqual({
      kind: 'rejected',
      reason: 'assignment_id names no assignment of this indicator',
    });
    // A real assignment of the indicator fixes the period: an answer naming another period is refused.
    const references = new InMemoryCollectionReferences();
    const assignmentId = '0192f0aa-0000-7000-8000-0000000000c1';
    const slot = {
      indicatorId: connection.indicatorId,
      organisationId: '0192f0aa-0000-7000-8000-0000000000c2',
      periodId: '0192f0aa-0000-7000-8000-0000000000c3',
    };
    references.assignments.set(assignmentId, slot);
    const bus = new Bus();
    const byAnswer = new SubmissionIngest(
      bus as unknown as CommandBus,
      new InMemoryCollectionStore(),
      references,
    );
    const otherPeriod = {
      total: 1,
      assignment_id: assignmentId,
      period_id: '0192f0aa-0000-7000-8000-0000000000c4',
    };
    expect(await byAnswer.ingest(ghent, bare, dimensions, answer('e1', otherPeriod), 'r')).toEqual({
      kind: 'rejected',
      reason: 'period_id is not the period of assignment_id',
    });
    const samePeriod = { ...otherPeriod, period_id: slot.periodId };
    expect(await byAnswer.ingest(ghent, bare, dimensions, answer('e2', samePeriod), 'r')).toEqual({
      kind: 'created',
    });
    expect(await run('e1', { total: 'n/a' })).toEqual({
      kind: 'rejected',
      reason: 'total: "n/a" is not a number',
    });
  });
});
