import { DomainError } from '@rl/kernel';
import { parseDeadline } from './deadline';

const BRUSSELS = 'Europe/Brussels';
const iso = (input: string, zone = BRUSSELS) => parseDeadline(input, zone).toISOString();

describe('deadlines', () => {
  it('reads a local date as the end of that day in the city (CET in winter, CEST in summer)', () => {
    expect(iso('2025-01-31')).toBe('2025-01-31T22:59:59.000Z');
    expect(iso('2025-07-31')).toBe('2025-07-31T21:59:59.000Z');
  });

  it('reads a local date-time in the city, also on the days the clocks change', () => {
    expect(iso('2025-03-31T17:00')).toBe('2025-03-31T15:00:00.000Z');
    expect(iso('2025-03-30T01:30')).toBe('2025-03-30T00:30:00.000Z');
    // 02:30 does not exist in Brussels that night; it is read as 03:30 CEST.
    expect(iso('2025-03-30T02:30')).toBe('2025-03-30T01:30:00.000Z');
    expect(iso('2025-10-26T12:00')).toBe('2025-10-26T11:00:00.000Z');
    expect(iso('2025-01-31', 'America/New_York')).toBe('2025-02-01T04:59:59.000Z');
  });

  it('takes an instant with an offset as it is', () => {
    expect(iso('2025-03-31T17:00:00+02:00')).toBe('2025-03-31T15:00:00.000Z');
    expect(iso('2025-03-31T15:00:00Z')).toBe('2025-03-31T15:00:00.000Z');
  });

  it.each(['2025-02-30', '2025-13-01', '31/03/2025', 'tomorrow', '2025-03-31T25:00', '2025-03-31T17:00:00'])(
    'rejects %p naming deadline',
    (input) => {
      try {
        parseDeadline(input, BRUSSELS);
        throw new Error('accepted');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).errors[0].field).toBe('deadline');
      }
    },
  );
});
