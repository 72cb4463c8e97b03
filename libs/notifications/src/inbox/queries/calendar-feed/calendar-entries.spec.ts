import { assignmentEntries, datedWorkEntries, localName, periodEntries } from './calendar-entries';

const context = { citySlug: 'ghent', appUrl: 'https://app.example.org/', locales: ['nl-BE', 'en'] };
const deadline = new Date('2031-01-31T16:00:00.000Z');

describe('calendar entries', () => {
  it('names the indicator in the best language the catalog has', () => {
    const names = { en: 'Early school leavers', nl: 'Vroegtijdige schoolverlaters' };
    expect(localName(names, ['nl-BE', 'en'])).toBe('Vroegtijdige schoolverlaters');
    expect(localName(names, ['it'])).toBe('Early school leavers');
    expect(localName(null, ['en'])).toBeNull();
  });

  it("makes one event per assignment, keyed by the assignment, linking to it in the city's app", () => {
    const [open, returned] = assignmentEntries(
      [
        {
          assignmentId: 'a1',
          state: 'open',
          indicatorCode: 'EDU-01',
          indicatorName: { en: 'Early school leavers' },
          organisationName: 'Youth Rights Network',
          periodCode: '2025',
          deadline,
          timezone: 'Europe/Brussels',
        },
        {
          assignmentId: 'a2',
          state: 'returned',
          indicatorCode: null,
          indicatorName: null,
          organisationName: null,
          periodCode: '2025-Q1',
          deadline,
          timezone: 'Europe/Brussels',
        },
      ],
      context,
    );
    expect(open).toEqual({
      uid: 'assignment-a1',
      title: 'EDU-01 · 2025 due',
      description:
        'Indicator: EDU-01 – Early school leavers\nOrganisation: Youth Rights Network\nPeriod: 2025',
      deadline,
      url: 'https://app.example.org/cities/ghent/assignments/a1',
      timezone: 'Europe/Brussels',
    });
    expect(returned.title).toBe('Indicator · 2025-Q1 due');
    expect(returned.description).toContain('Returned for correction');
  });

  it('makes one event per period deadline with the number of open assignments', () => {
    const [one, many] = periodEntries(
      [
        { periodId: 'p1', periodCode: '2025', deadline, timezone: 'Europe/Brussels', open: 1, assigned: 4 },
        { periodId: 'p2', periodCode: '2026', deadline, timezone: 'Europe/Brussels', open: 0, assigned: 0 },
      ],
      context,
    );
    expect(one).toEqual({
      uid: 'period-p1',
      title: 'Reporting deadline 2025',
      description: '1 open assignment (of 4 assigned)',
      deadline,
      url: 'https://app.example.org/cities/ghent/periods/p1',
      timezone: 'Europe/Brussels',
    });
    expect(many.description).toBe('0 open assignments (of 0 assigned)');
  });

  it('puts a task at its due instant and a meeting over its slot, keyed by their ids', () => {
    const endsAt = new Date('2031-01-31T18:00:00.000Z');
    const [task, meeting] = datedWorkEntries(
      [
        {
          kind: 'task-due',
          id: 't1',
          title: 'Collect shelter data',
          at: deadline,
          endsAt: null,
          status: 'in_progress',
        },
        { kind: 'meeting', id: 'm1', title: 'Results session', at: deadline, endsAt, status: null },
      ],
      'Europe/Brussels',
      context,
    );
    expect(task).toEqual({
      uid: 'task-t1',
      title: 'Task due: Collect shelter data',
      description: 'Status: in progress',
      deadline,
      url: 'https://app.example.org/cities/ghent/tasks/t1',
      timezone: 'Europe/Brussels',
    });
    expect(meeting).toMatchObject({
      uid: 'meeting-m1',
      title: 'Results session',
      deadline,
      endsAt,
      description: '',
    });
    expect(meeting.url).toBe('https://app.example.org/cities/ghent/meetings/m1');
  });
});
