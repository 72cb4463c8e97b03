import { decideRefresh } from './refresh-rotation';

describe('decideRefresh', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  const fresh = { expiresAt: new Date('2026-02-01T00:00:00Z'), rotatedAt: null, revokedAt: null };

  it('rotates a live token', () => {
    expect(decideRefresh(fresh, now)).toBe('rotate');
  });

  it('detects the reuse of a token that was already rotated', () => {
    expect(decideRefresh({ ...fresh, rotatedAt: new Date('2026-01-09T00:00:00Z') }, now)).toBe(
      'reuse-detected',
    );
  });

  it('refuses a revoked token before anything else', () => {
    expect(decideRefresh({ ...fresh, rotatedAt: now, revokedAt: now }, now)).toBe('revoked');
  });

  it('refuses an expired token, including at the exact expiry instant', () => {
    expect(decideRefresh({ ...fresh, expiresAt: now }, now)).toBe('expired');
  });
});
