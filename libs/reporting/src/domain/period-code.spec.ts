import { DomainError } from '@rl/kernel';
import { parsePeriodCode } from './period-code';

const rejection = (code: string) => {
  try {
    parsePeriodCode(code);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, fields: error.errors.map((e) => e.field) };
    throw error;
  }
  return undefined;
};

describe('period codes', () => {
  it.each([
    ['2024', 'year', '2024-01-01', '2025-01-01'],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-04-01'],
    ['2024-Q4', 'quarter', '2024-10-01', '2025-01-01'],
    ['2024-03', 'month', '2024-03-01', '2024-04-01'],
    ['2024-12', 'month', '2024-12-01', '2025-01-01'],
    ['2013/14', 'year_span', '2013-01-01', '2015-01-01'],
    ['1999/00', 'year_span', '1999-01-01', '2001-01-01'],
  ])('reads %s as a %s from %s up to (excluding) %s', (code, granularity, start, end) => {
    expect(parsePeriodCode(code)).toEqual({ code, granularity, start, end });
  });

  it('normalises a span written in full, a lower-case quarter and surrounding space', () => {
    expect(parsePeriodCode('2013/2014').code).toBe('2013/14');
    expect(parsePeriodCode('1999/2000').code).toBe('1999/00');
    expect(parsePeriodCode('2024-q2').code).toBe('2024-Q2');
    expect(parsePeriodCode(' 2024 ').code).toBe('2024');
  });

  it.each([
    '2024-Q5',
    '2024-Q0',
    '2024-13',
    '2024-00',
    '2013/15',
    '2013/2015',
    '2013/13',
    '24',
    '2024-3',
    '',
    'Q1-2024',
    '2024-W01',
    '0999',
  ])('rejects %p naming code', (code) => {
    expect(rejection(code)).toEqual({ code: 'PERIOD.INVALID_CODE', fields: ['code'] });
  });
});
