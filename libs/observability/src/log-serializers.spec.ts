import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { redactedUrl, safeError, safeRequest } from './log-serializers';

describe('log serializers', () => {
  it('keeps query parameter names and drops every value', () => {
    expect(redactedUrl('/v1/cities/ghent/calendar.ics?token=abc&lang=nl')).toBe(
      '/v1/cities/ghent/calendar.ics?token=[Redacted]&lang=[Redacted]',
    );
    expect(redactedUrl('/health')).toBe('/health');
    expect(redactedUrl('/v1/collection-push/c2VjcmV0?x=1')).toBe(
      '/v1/collection-push/[Redacted]?x=[Redacted]',
    );
    expect(safeRequest({ params: { token: 'c2VjcmV0' } })).toEqual({ params: { token: '[Redacted]' } });
    expect(redactedUrl('/x?flag&&y=1')).toBe('/x?flag=[Redacted]&y=[Redacted]');
    expect(safeRequest({ url: '/a?k=secret', query: { k: 'secret' } })).toEqual({
      url: '/a?k=[Redacted]',
      query: { k: '[Redacted]' },
    });
  });

  it('logs an SQL error without its bound values or the driver detail', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "uq"'), {
      code: '23505',
      constraint: 'uq',
      table: 'users',
      detail: 'Key (email)=(someone@example.org) already exists.',
    });
    const error = new QueryFailedError(
      'INSERT INTO users VALUES ($1, $2)',
      ['someone@example.org', 'hash'],
      driverError,
    );
    const logged = JSON.stringify(safeError(pino.stdSerializers.err(error)));
    expect(logged).not.toContain('someone@example.org');
    expect(logged).not.toContain('hash');
    expect(logged).toContain('23505');
    expect(logged).toContain('INSERT INTO users');
  });
});
