import { RecordedEvent } from '@rl/event-store';
import { asCityId } from '@rl/kernel';
import { evolveSchedule, rowsConcerned, ScheduleRows } from './reminder-schedule.evolve';

const CITY = asCityId('0196c1d2-7a3b-7c4d-8e5f-0123456789ab');
const work = { indicatorId: 'i1', periodId: 'p1', organisationId: 'o1' };
let position = 0;

const recorded = (type: string, data: unknown, at = '2025-03-01T09:00:00Z', version = 1): RecordedEvent => ({
  type,
  data,
  cityId: CITY,
  position: ++position,
  streamId: 's',
  version,
  eventId: `e${position}`,
  schemaVersion: 1,
  metadata: {},
  recordedAt: new Date(at),
  prevHash: '',
  hash: '',
});

const empty: ScheduleRows = { targets: new Map(), deadlines: new Map() };
const defined = recorded('PeriodDefined', {
  periodId: 'p1',
  code: '2025',
  granularity: 'year',
  start: '2025-01-01',
  end: '2025-12-31',
  deadline: '2025-03-31T15:00:00Z',
  timezone: 'Europe/Brussels',
});
const assigned = recorded('AssignmentCreated', { assignmentId: 'a1', ...work }, '2025-03-02T10:00:00Z');

describe('reminder schedule evolve', () => {
  it('keeps the deadline and the assignment with the times the grace counts from', () => {
    const change = evolveSchedule(empty, [defined, assigned]);
    expect(change.deadlines.get('p1')).toEqual({
      periodId: 'p1',
      code: '2025',
      deadline: new Date('2025-03-31T15:00:00Z'),
      timezone: 'Europe/Brussels',
      setAt: defined.recordedAt,
    });
    expect(change.targets.get('a1')).toEqual({
      assignmentId: 'a1',
      ...work,
      state: 'open',
      submissionId: null,
      assignedAt: assigned.recordedAt,
    });
    expect([...change.touchedPeriods, ...change.touchedTargets]).toEqual(['p1', 'a1']);
    expect(change.policy).toBeNull();
  });

  it('moves a known deadline and ignores a move of an unknown period', () => {
    const rows = evolveSchedule(empty, [defined]);
    const move = {
      periodId: 'p1',
      from: '2025-03-31T15:00:00Z',
      to: '2025-04-30T15:00:00Z',
      timezone: 'Europe/Paris',
    };
    const moved = recorded('PeriodDeadlineMoved', move, '2025-03-20T08:00:00Z');
    const unknown = recorded('PeriodDeadlineMoved', { ...move, periodId: 'p9' });
    const change = evolveSchedule(rows, [moved, unknown]);
    expect(change.deadlines.get('p1')).toMatchObject({
      deadline: new Date('2025-04-30T15:00:00Z'),
      timezone: 'Europe/Paris',
      setAt: moved.recordedAt,
    });
    expect([...change.touchedPeriods]).toEqual(['p1']);
    // The rows passed in are left as they were.
    expect(rows.deadlines.get('p1')?.timezone).toBe('Europe/Brussels');
  });

  it('follows a submission to its live assignment, and nowhere once the assignment is withdrawn', () => {
    const rows = evolveSchedule(empty, [assigned]);
    const submission = { submissionId: 's1', ...work };
    const returned = evolveSchedule(rows, [
      recorded('SubmissionSubmitted', submission),
      recorded('SubmissionReturned', { ...submission, reason: 'Percent' }),
    ]);
    expect(returned.targets.get('a1')).toMatchObject({ state: 'returned', submissionId: 's1' });
    const withdrawn = evolveSchedule(rows, [
      recorded('AssignmentWithdrawn', { assignmentId: 'a1', ...work }),
      recorded('SubmissionValidated', submission),
    ]);
    expect(withdrawn.targets.get('a1')).toMatchObject({ state: 'withdrawn', submissionId: null });
  });

  it("takes the batch's last policy with its version and recorded time", () => {
    const quiet = { start: '21:00', end: '07:00' };
    const change = evolveSchedule(empty, [
      recorded('ReminderPolicyChanged', { offsets: [{ offset: '-P3D' }], quietHours: null }, undefined, 1),
      recorded(
        'ReminderPolicyChanged',
        { offsets: [{ offset: 'P1D' }], quietHours: quiet },
        '2025-03-05T12:00:00Z',
        2,
      ),
    ]);
    expect(change.policy).toEqual({
      policy: { offsets: [{ offset: 'P1D' }], quietHours: quiet },
      version: 2,
      changedAt: new Date('2025-03-05T12:00:00Z'),
    });
  });

  it('names the rows a batch concerns', () => {
    const submitted = recorded('SubmissionSubmitted', { submissionId: 's1', ...work });
    expect(
      rowsConcerned([defined, assigned, submitted, recorded('WebhookRemoved', { webhookId: 'w' })]),
    ).toEqual({
      assignmentIds: ['a1'],
      periodIds: ['p1'],
      work: [{ submissionId: 's1', ...work }],
    });
  });
});
