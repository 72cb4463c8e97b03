import { DateTime } from 'luxon';
import { MandateState } from './mandate.decider';

// Mandates expiring within this many days are flagged, and their coordinators notified once.
export const EXPIRING_WITHIN_DAYS = 30;

export interface Validity {
  validFrom: string;
  validUntil: string | null;
  revoked: boolean;
}

// The calendar day an instant falls on in a time zone.
export const dayIn = (at: Date, timezone: string): string =>
  DateTime.fromJSDate(at, { zone: timezone }).toISODate() ?? at.toISOString().slice(0, 10);

const plusDays = (day: string, days: number): string =>
  DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate() ?? day;

// In force on `today` (both ends inclusive) and not revoked.
export const isValidOn = (m: Validity, today: string): boolean =>
  !m.revoked && m.validFrom <= today && (m.validUntil === null || today <= m.validUntil);

// Not revoked, not yet expired, and its last day within EXPIRING_WITHIN_DAYS of `today` (a mandate that
// starts later counts too: its holder is about to lose it as soon as it begins).
export const isExpiringSoon = (m: Validity, today: string): boolean =>
  !m.revoked &&
  m.validUntil !== null &&
  today <= m.validUntil &&
  m.validUntil <= plusDays(today, EXPIRING_WITHIN_DAYS);

// When the expiry notice falls due: the start of the day EXPIRING_WITHIN_DAYS before the last valid
// day, in the city's zone.
export const expiryNoticeAt = (validUntil: string, timezone: string): Date =>
  DateTime.fromISO(plusDays(validUntil, -EXPIRING_WITHIN_DAYS), { zone: timezone }).toJSDate();

// The notice's key: once per mandate and last day, so a mandate extended and expiring again notifies again.
export const expiryNoticeKey = (mandateId: string, validUntil: string) =>
  `mandate-expiring:${mandateId}:${validUntil}`;

// The last day an expiry notice is owed for on `today` (the notice's key names it), or null: the mandate
// is gone, revoked, open-ended, over, or ends later than EXPIRING_WITHIN_DAYS away.
export function expiryNoticeOwed(state: MandateState, today: string): string | null {
  if (!state.exists) return null;
  const validity = { ...state, revoked: state.revokedReason !== null };
  return isExpiringSoon(validity, today) ? state.validUntil : null;
}

// One wake-up per mandate and last day: a mandate extended gets a new one, the old one finds nothing owed.
export const expiryJobId = (mandateId: string, validUntil: string) =>
  `mandate-expiring-${mandateId}-${validUntil}`;
