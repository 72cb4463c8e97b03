import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Receivers recompute the HMAC over the raw body they received, so it must be verified before parsing.
export const SIGNATURE_HEADER = 'X-Rights-Ledger-Signature';

const SCHEME = 'v1';
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const DIGITS = /^\d{1,15}$/;

function hmac(secret: string, body: string, timestampSeconds: number): Buffer {
  // The timestamp is signed with the body so a captured request cannot be replayed with a fresh `t`.
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest();
}

export function signWebhook(secret: string, body: string, timestampSeconds: number): string {
  if (secret.length === 0) throw new Error('A webhook secret must not be empty.');
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new Error('The webhook timestamp must be a non-negative whole number of seconds.');
  }
  return `t=${timestampSeconds},${SCHEME}=${hmac(secret, body, timestampSeconds).toString('hex')}`;
}

interface ParsedHeader {
  timestamp: number;
  signatures: Buffer[];
}

// Several v1 entries are allowed so a sender can sign with an old and a new secret during rotation.
function parseHeader(header: string): ParsedHeader | null {
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return null;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !DIGITS.test(value)) return null;
      timestamp = Number(value);
    } else if (key === SCHEME) {
      if (!HEX_SHA256.test(value)) return null;
      signatures.push(Buffer.from(value, 'hex'));
    }
    // Unknown schemes are skipped so a future v2 can be added alongside v1.
  }
  if (timestamp === null || signatures.length === 0) return null;
  return { timestamp, signatures };
}

export function verifyWebhook(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (secret.length === 0) return false;
  const parsed = parseHeader(header);
  if (parsed === null) return false;
  // Both directions: a timestamp far in the future would otherwise stay replayable for that long.
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return false;
  const expected = hmac(secret, body, parsed.timestamp);
  // Every candidate is compared (no early exit) to keep the timing independent of which one matched.
  let matched = false;
  for (const signature of parsed.signatures) {
    if (timingSafeEqual(signature, expected)) matched = true;
  }
  return matched;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
