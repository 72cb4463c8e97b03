import { describeFailure, settleAttempt } from './webhook-attempt';

const response = (status: number, body = '') =>
  ({ kind: 'response', status, body: Buffer.from(body) }) as const;

describe('settleAttempt', () => {
  it('marks a 2xx delivered and counts the attempt', () => {
    expect(settleAttempt(response(204), 1, 3)).toEqual({
      status: 'delivered',
      attempts: 2,
      lastError: null,
      responseStatus: 204,
      retry: false,
    });
  });

  it('retries a failure while attempts remain, then dead-letters it without a retry', () => {
    const failure = response(500, 'boom');
    expect(settleAttempt(failure, 0, 3)).toEqual(
      expect.objectContaining({ status: 'pending', attempts: 1, retry: true, lastError: 'http_500' }),
    );
    expect(settleAttempt(failure, 2, 3)).toEqual(
      expect.objectContaining({ status: 'dead', attempts: 3, retry: false, responseStatus: 500 }),
    );
    // Attempts already beyond the limit (the limit was lowered) end it at once.
    expect(settleAttempt(failure, 9, 3).status).toBe('dead');
  });

  it('treats redirects as failures and keeps the failure category without a status', () => {
    expect(settleAttempt(response(302), 0, 2)).toEqual(
      expect.objectContaining({ status: 'pending', lastError: 'http_302', responseStatus: 302 }),
    );
    expect(settleAttempt({ kind: 'failed', failure: 'refused' }, 1, 2)).toEqual({
      status: 'dead',
      attempts: 2,
      lastError: 'refused',
      responseStatus: null,
      retry: false,
    });
  });
});

describe('describeFailure', () => {
  it('keeps a category, never what the receiver answered', () => {
    expect(describeFailure(response(503, 'redis_version:7.2.4\r\nsecret stuff'))).toBe('http_503');
    expect(describeFailure({ kind: 'failed', failure: 'blocked_address' })).toBe('blocked_address');
  });
});
