import { createHash, randomBytes } from 'node:crypto';

const CITY_BYTES = 16;
const SECRET_BYTES = 32;

// A push URL's token: the city (so the push finds its city's rows under row-level security) and 32
// random bytes, base64url. Only its SHA-256 is stored.
export function newPushToken(cityId: string): string {
  const city = Buffer.from(cityId.replace(/-/g, ''), 'hex');
  return Buffer.concat([city, randomBytes(SECRET_BYTES)]).toString('base64url');
}

export const pushTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

// The city a token names, or null for anything that is no token of ours.
export function pushTokenCity(token: string): string | null {
  if (!/^[A-Za-z0-9_-]{64}$/.test(token)) return null;
  const hex = Buffer.from(token, 'base64url').subarray(0, CITY_BYTES).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
