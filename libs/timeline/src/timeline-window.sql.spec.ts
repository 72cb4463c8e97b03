import { timelineWindowSql } from './timeline-window.sql';

const at = new Date('2026-05-01T10:00:00Z');
const columns = { at: 't.due', id: 't.id' };

describe('timelineWindowSql', () => {
  it('is TRUE for an open window', () => {
    expect(timelineWindowSql({ limit: 10 }, 'task-due', columns, 2)).toEqual({ sql: 'TRUE', params: [] });
  });

  it('numbers its parameters from the first free placeholder', () => {
    const to = new Date('2026-06-01T00:00:00Z');
    expect(timelineWindowSql({ from: at, to, limit: 10 }, 'task-due', columns, 3)).toEqual({
      sql: 't.due >= $3 AND t.due < $4',
      params: [at, to],
    });
  });

  it('continues after the cursor within the same kind by instant and id', () => {
    const after = { at, kind: 'task-due' as const, id: '00000000-0000-4000-8000-000000000001' };
    expect(timelineWindowSql({ after, limit: 10 }, 'task-due', columns, 2)).toEqual({
      sql: '(t.due, t.id) > ($2, $3::uuid)',
      params: [at, after.id],
    });
  });

  it('includes the cursor instant for a kind that sorts after the cursor kind, excludes it otherwise', () => {
    const after = (kind: 'meeting' | 'task-due') => ({
      at,
      kind,
      id: '00000000-0000-4000-8000-000000000001',
    });
    expect(timelineWindowSql({ after: after('meeting'), limit: 1 }, 'task-due', columns, 1).sql).toBe(
      't.due >= $1',
    );
    expect(timelineWindowSql({ after: after('task-due'), limit: 1 }, 'meeting', columns, 1).sql).toBe(
      't.due > $1',
    );
  });
});
