import { mandateDecider } from './mandate.decider';
import { dayIn, expiryNoticeAt, expiryNoticeOwed, isExpiringSoon, isValidOn } from './mandate-validity';
import { granted, MANDATE_IDS } from './testing/mandate-factories';

const mandate = { validFrom: '2025-01-01', validUntil: '2025-06-30', revoked: false };

describe('mandate validity', () => {
  it('is valid from its first to its last day, both inclusive, unless revoked', () => {
    expect(isValidOn(mandate, '2024-12-31')).toBe(false);
    expect(isValidOn(mandate, '2025-01-01')).toBe(true);
    expect(isValidOn(mandate, '2025-06-30')).toBe(true);
    expect(isValidOn(mandate, '2025-07-01')).toBe(false);
    expect(isValidOn({ ...mandate, validUntil: null }, '2099-01-01')).toBe(true);
    expect(isValidOn({ ...mandate, revoked: true }, '2025-03-01')).toBe(false);
  });

  it('is expiring soon when its last day is within 30 days, not after it ended', () => {
    expect(isExpiringSoon(mandate, '2025-05-30')).toBe(false);
    expect(isExpiringSoon(mandate, '2025-05-31')).toBe(true);
    expect(isExpiringSoon(mandate, '2025-06-30')).toBe(true);
    expect(isExpiringSoon(mandate, '2025-07-01')).toBe(false);
    expect(isExpiringSoon({ ...mandate, validUntil: null }, '2025-06-30')).toBe(false);
    expect(isExpiringSoon({ ...mandate, revoked: true }, '2025-06-30')).toBe(false);
  });

  it("reads today and the notice's moment in the city's zone", () => {
    expect(dayIn(new Date('2025-05-30T22:30:00Z'), 'Europe/Brussels')).toBe('2025-05-31');
    expect(expiryNoticeAt('2025-06-30', 'Europe/Brussels').toISOString()).toBe('2025-05-30T22:00:00.000Z');
  });

  it('owes an expiry notice for the last day of a mandate in its final 30 days, none once revoked', () => {
    const state = (...events: Parameters<typeof mandateDecider.evolve>[1][]) =>
      events.reduce(mandateDecider.evolve, mandateDecider.initialState());
    const ending = granted({ validUntil: '2025-06-30' });
    expect(expiryNoticeOwed(state(ending), '2025-06-01')).toBe('2025-06-30');
    expect(expiryNoticeOwed(state(ending), '2025-05-01')).toBeNull();
    expect(expiryNoticeOwed(state(), '2025-06-01')).toBeNull();
    const revoked = {
      type: 'MandateRevoked' as const,
      data: { mandateId: MANDATE_IDS.mandate, reason: 'Left' },
    };
    expect(expiryNoticeOwed(state(ending, revoked), '2025-06-01')).toBeNull();
  });
});
