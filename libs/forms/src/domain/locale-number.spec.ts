import { parseLocaleNumber } from './locale-number';

describe('parseLocaleNumber', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    [' 40 ', 40],
    ['-3,25', -3.25],
    ['\u22127', -7],
    [',5', 0.5],
    ['0', 0],
  ])('reads %j as %p whatever the locale', (raw, value) => {
    expect(parseLocaleNumber(raw)).toBe(value);
  });

  it.each(['1.234,5', '1,234.5', '1 234', '1,2,3', '1e3', '0x10', 'Infinity', '', 'twelve', '12,'])(
    'refuses %j (thousands separators, exponents and words are not guessed)',
    (raw) => {
      expect(parseLocaleNumber(raw)).toBeNull();
    },
  );
});
