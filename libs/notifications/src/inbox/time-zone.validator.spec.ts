import { canonicalTimeZone } from './time-zone.validator';

describe('canonicalTimeZone', () => {
  it('accepts IANA zones under their canonical name and refuses anything else', () => {
    expect(canonicalTimeZone('Europe/Brussels')).toBe('Europe/Brussels');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});
