import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { asCityId } from '@rl/kernel';
import { CompletenessProjection } from './completeness.projection';

const CITY = asCityId('00000000-0000-7000-8000-000000000001');
const KEY = {
  periodId: '00000000-0000-7000-8000-0000000000a1',
  organisationId: '00000000-0000-7000-8000-0000000000b1',
  indicatorId: '00000000-0000-7000-8000-0000000000c1',
};

let position = 0;
const event = (type: string, streamId: string, version: number, data: Record<string, unknown>) =>
  ({
    cityId: CITY,
    position: ++position,
    streamId,
    version,
    eventId: `e${position}`,
    type,
    schemaVersion: 1,
    data: { ...KEY, ...data },
    metadata: {},
    recordedAt: new Date(1_700_000_000_000 + position),
    prevHash: '',
    hash: '',
  }) as unknown as RecordedEvent;

// Applies batches against an in-memory "table" built from what the projection writes.
async function run(...batches: RecordedEvent[][]) {
  let stored: Record<string, unknown>[] = [];
  const em = {
    query: jest.fn(async (sql: string, params: unknown[]) => {
      if (sql.trimStart().startsWith('SELECT')) return stored;
      const [, per, org, ind, assigned, aid, aver, sid, sver, submitted, validated, returned, late] =
        params as unknown[][];
      stored = per.map((_, i) => ({
        periodId: per[i],
        organisationId: org[i],
        indicatorId: ind[i],
        assigned: assigned[i],
        assignmentId: aid[i],
        assignmentVersion: aver[i],
        submissionId: sid[i],
        submissionVersion: sver[i],
        submitted: submitted[i],
        validated: validated[i],
        returned: returned[i],
        submittedLate: late[i],
      }));
      return [];
    }),
  } as unknown as EntityManager;
  const projection = new CompletenessProjection();
  for (const batch of batches) await projection.apply(em, CITY, batch);
  return stored[0];
}

describe('CompletenessProjection', () => {
  const assigned = event('AssignmentCreated', 'assignment-a1', 1, { assignmentId: 'a1' });
  const submitted = event('SubmissionSubmitted', 'submission-s1', 1, { submissionId: 's1', late: true });
  const returned = event('SubmissionReturned', 'submission-s1', 2, { submissionId: 's1', reason: 'x' });
  const corrected = event('SubmissionCorrected', 'submission-s1', 3, { submissionId: 's1', late: true });
  const validated = event('SubmissionValidated', 'submission-s1', 4, { submissionId: 's1', late: true });

  it('folds assignment and submission streams into one row', async () => {
    expect(await run([assigned, submitted, returned])).toEqual(
      expect.objectContaining({ assigned: true, submitted: true, returned: true, validated: false }),
    );
    expect(await run([assigned, submitted], [returned, corrected, validated])).toEqual(
      expect.objectContaining({
        assigned: true,
        submitted: true,
        returned: false,
        validated: true,
        submittedLate: true,
        submissionVersion: 4,
      }),
    );
  });

  it('ignores replayed events of each stream', async () => {
    const row = await run([assigned, submitted, returned, corrected, validated], [submitted, returned]);
    expect(row).toEqual(expect.objectContaining({ validated: true, returned: false, submissionVersion: 4 }));
  });

  it('clears the assignment on withdrawal, and follows the newest submission', async () => {
    const withdrawn = event('AssignmentWithdrawn', 'assignment-a1', 2, { assignmentId: 'a1' });
    const next = event('SubmissionSubmitted', 'submission-s2', 1, { submissionId: 's2', late: false });
    const row = await run([assigned, submitted, validated, withdrawn], [next, returned]);
    expect(row).toEqual(
      expect.objectContaining({
        assigned: false,
        submissionId: 's2',
        submitted: true,
        validated: false,
        returned: false,
        submittedLate: false,
      }),
    );
  });
});
