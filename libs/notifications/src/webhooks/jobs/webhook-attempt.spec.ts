import { describeFailure, settleAttempt } from './webhook-attempt';

describe('settleAttempt', () => {
  it('marks a 2xx delivered and counts the attempt', () => {
    expect(settleAttempt({ kind: 'response', status: 204, bodyStart: '' }, 1, 3)).toEqual({
      status: 'delivered',
      attempts: 2,
      lastError: null,
      responseStatus: 204,
      retry: false,
    });
  });

  it('retries a failure while attempts remain, then dead-letters it without a retry', () => {
    const failure = { kind: 'response', status: 500, bodyStart: 'boom' } as const;
    expect(settleAttempt(failure, 0, 3)).toEqual(
      expect.objectContaining({ status: 'pending', attempts: 1, retry: true, lastError: 'HTTP 500: boom' }),
    );
    expect(settleAttempt(failure, 2, 3)).toEqual(
      expect.objectContaining({ status: 'dead', attempts: 3, retry: false, responseStatus: 500 }),
    );
    // Attempts already beyond the limit (the limit was lowered) end it at once.
    expect(settleAttempt(failure, 9, 3).status).toBe('dead');
  });

  it('treats redirects as failures and keeps the network error without a status', () => {
    expect(settleAttempt({ kind: 'response', status: 302, bodyStart: '' }, 0, 2)).toEqual(
      expect.objectContaining({ status: 'pending', lastError: 'HTTP 302', responseStatus: 302 }),
    );
    expect(settleAttempt({ kind: 'network', message: 'connect ECONNREFUSED' }, 1, 2)).toEqual({
      status: 'dead',
      attempts: 2,
      lastError: 'connect ECONNREFUSED',
      responseStatus: null,
      retry: false,
    });
  });
});

describe('describeFailure', () => {
  it('keeps the status and the first 500 characters of the body', () => {
    const text = describeFailure({ kind: 'response', status: 503, bodyStart: 'x'.repeat(2_000) });
    expect(text).toBe(`HTTP 503: ${'x'.repeat(500)}`);
  });
});
