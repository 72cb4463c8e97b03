import { createHash, randomBytes } from 'node:crypto';

// A calendar link's secret: 256 random bits, URL-safe. Only its SHA-256 is stored, so a database reader
// cannot subscribe in someone's name; a plain hash suffices for a secret this long (no guessing).
export const newCalendarToken = (): string => randomBytes(32).toString('base64url');

export const CALENDAR_TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export const calendarTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
