import { createHmac } from 'node:crypto';
import { newWebhookSecret, SIGNATURE_HEADER, signWebhook, verifyWebhook } from './webhook-signature';

const SECRET = 'whsec_test-secret';
const BODY = '{"type":"submission.validated","cityId":"ghent","data":{"indicator":"EDU-01"}}';
const T = 1_743_433_200; // 2025-03-31T15:00:00Z

describe('webhook signature', () => {
  it('names the header the receivers look for', () => {
    expect(SIGNATURE_HEADER).toBe('X-Rights-Ledger-Signature');
  });

  it('signs as t=<ts>,v1=<hex HMAC-SHA256 of "<ts>.<body>">', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, BODY, T)).toBe(`t=${T},v1=${expected}`);
  });

  it('verifies its own signature (round trip)', () => {
    expect(verifyWebhook(SECRET, BODY, signWebhook(SECRET, BODY, T), T)).toBe(true);
  });

  it('verifies non-ASCII bodies as UTF-8', () => {
    const body = '{"comment":"Città – één <b>ü</b>"}';
    expect(verifyWebhook(SECRET, body, signWebhook(SECRET, body, T), T + 10)).toBe(true);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyWebhook(SECRET, BODY, signWebhook('whsec_other', BODY, T), T)).toBe(false);
  });

  it('rejects an altered body', () => {
    const header = signWebhook(SECRET, BODY, T);
    expect(verifyWebhook(SECRET, BODY.replace('EDU-01', 'EDU-02'), header, T)).toBe(false);
    expect(verifyWebhook(SECRET, `${BODY} `, header, T)).toBe(false);
  });

  it('rejects a replayed signature with a changed timestamp', () => {
    const signature = signWebhook(SECRET, BODY, T).split(',')[1];
    expect(verifyWebhook(SECRET, BODY, `t=${T + 60},${signature}`, T + 60)).toBe(false);
  });

  it('rejects a timestamp older than the tolerance', () => {
    const header = signWebhook(SECRET, BODY, T);
    expect(verifyWebhook(SECRET, BODY, header, T + 300)).toBe(true);
    expect(verifyWebhook(SECRET, BODY, header, T + 301)).toBe(false);
    expect(verifyWebhook(SECRET, BODY, header, T + 61, 60)).toBe(false);
  });

  it('rejects a timestamp too far in the future', () => {
    expect(verifyWebhook(SECRET, BODY, signWebhook(SECRET, BODY, T + 301), T)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['no timestamp', `v1=${'a'.repeat(64)}`],
    ['no signature', `t=${T}`],
    ['non-numeric timestamp', `t=abc,v1=${'a'.repeat(64)}`],
    ['negative timestamp', `t=-1,v1=${'a'.repeat(64)}`],
    ['short signature', `t=${T},v1=abcd`],
    ['non-hex signature', `t=${T},v1=${'z'.repeat(64)}`],
    ['two timestamps', `t=${T},t=${T},v1=${'a'.repeat(64)}`],
    ['a part without "="', `t=${T},v1`],
    ['only an unknown scheme', `t=${T},v0=${'a'.repeat(64)}`],
  ])('rejects a malformed header (%s)', (_case, header) => {
    expect(verifyWebhook(SECRET, BODY, header, T)).toBe(false);
  });

  it('accepts a header with a second v1 entry (secret rotation) and ignores unknown schemes', () => {
    const current = signWebhook(SECRET, BODY, T).split(',')[1];
    const old = signWebhook('whsec_old', BODY, T).split(',')[1];
    expect(verifyWebhook(SECRET, BODY, `t=${T},${old},${current},v2=xyz`, T)).toBe(true);
  });

  it('refuses to sign with an empty secret or a bad timestamp, and never verifies with an empty secret', () => {
    expect(() => signWebhook('', BODY, T)).toThrow();
    expect(() => signWebhook(SECRET, BODY, 1.5)).toThrow();
    expect(() => signWebhook(SECRET, BODY, -1)).toThrow();
    expect(verifyWebhook('', BODY, signWebhook(SECRET, BODY, T), T)).toBe(false);
  });

  it('creates distinct whsec_ secrets of 32 random bytes', () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});
