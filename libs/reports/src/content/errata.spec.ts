import { content, INDICATOR_ID, PERIOD_ID } from '../domain/testing/report-fixtures';
import { errataOf, Revalidation } from './errata';

const revalidation = (
  cells: [string, Record<string, string>, number][],
  overrides: Partial<Revalidation> = {},
) => ({
  indicatorId: INDICATOR_ID,
  periodId: PERIOD_ID,
  observations: cells.map(([key, disaggregation, value]) => ({
    key,
    disaggregation,
    value,
    status: 'normal',
  })),
  correctedAt: '2025-02-01T09:00:00.000Z',
  reason: 'Superseded by validated submission s2',
  ...overrides,
});

describe('errata of a report', () => {
  it('lists each changed value as the public sees it, a cell hidden before and after not at all', () => {
    const errata = errataOf(
      content(),
      revalidation([
        ['', {}, 44],
        ['sex:F', { sex: 'F' }, 3],
        ['sex:M', { sex: 'M' }, 41],
      ]),
    );
    expect(errata).toEqual([
      {
        indicatorCode: 'EV-1',
        key: '',
        period: '2024',
        disaggregation: {},
        oldValue: 40,
        newValue: 44,
        correctedAt: '2025-02-01T09:00:00.000Z',
        reason: 'Superseded by validated submission s2',
      },
    ]);
  });

  it('shows a value that is no longer small, and a cell that disappeared', () => {
    const errata = errataOf(
      content(),
      revalidation([
        ['', {}, 40],
        ['sex:F', { sex: 'F' }, 12],
        ['sex:M', { sex: 'M' }, 28],
      ]),
    );
    expect(errata.map((e) => [e.key, e.oldValue, e.newValue])).toEqual([
      ['sex:F', null, 12],
      ['sex:M', null, 28],
    ]);
    expect(
      errataOf(content(), revalidation([['sex:M', { sex: 'M' }, 40]])).map((e) => [
        e.key,
        e.oldValue,
        e.newValue,
      ]),
    ).toEqual([
      ['', 40, null],
      ['sex:M', null, 40],
    ]);
  });

  it('ignores a validation of an indicator or period the report did not use', () => {
    expect(errataOf(content(), revalidation([['', {}, 1]], { indicatorId: 'other' }))).toEqual([]);
    expect(errataOf(content(), revalidation([['', {}, 1]], { periodId: 'other' }))).toEqual([]);
  });
});
