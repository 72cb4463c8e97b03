import { mergeTimeline } from './timeline-merge';
import { TimelineEntry } from './timeline-source';

const entry = (kind: TimelineEntry['kind'], at: string, id: string): TimelineEntry => ({
  kind,
  id,
  title: `${kind} ${id}`,
  at: new Date(at),
  endsAt: null,
  status: null,
  organisationIds: [],
});

describe('mergeTimeline', () => {
  const meeting = entry('meeting', '2027-01-10T09:00:00Z', 'b');
  const task = entry('task-due', '2027-01-10T09:00:00Z', 'a');
  const deadline = entry('period-deadline', '2027-01-05T17:00:00Z', 'c');
  const laterTask = entry('task-due', '2027-02-01T09:00:00Z', 'd');

  it('orders the sources by instant, then kind, then id', () => {
    expect(mergeTimeline([[task, laterTask], [meeting], [deadline]], 10)).toEqual([
      deadline,
      meeting,
      task,
      laterTask,
    ]);
  });

  it('keeps one entry beyond the page to tell that another page follows', () => {
    expect(mergeTimeline([[task, laterTask], [meeting], [deadline]], 2)).toEqual([deadline, meeting, task]);
  });

  it('breaks a tie of instant and kind by id', () => {
    const first = entry('task-due', '2027-01-10T09:00:00Z', '0');
    expect(mergeTimeline([[task], [first]], 5)).toEqual([first, task]);
  });
});
