import { isThrottled } from './auth-throttle.middleware';

describe('isThrottled', () => {
  it.each([
    '/v1/auth/login',
    '/v1/auth/refresh',
    '/v1/auth/password-reset/confirm',
    '/V1/Auth/Login/',
    '/v1/me/password',
    '/v1/me/password/',
    '/v1/me/invitations/6f1c2a9e-0000-4000-8000-000000000000/accept',
  ])('throttles POST %s (as Express would route it)', (path) => {
    expect(isThrottled('POST', path)).toBe(true);
  });

  it.each([
    ['GET', '/v1/auth/login'],
    ['POST', '/v1/auth/'],
    ['POST', '/v1/authx/login'],
    ['POST', '/v1/me'],
    ['GET', '/v1/me/invitations'],
    ['POST', '/v1/me/invitations/x/decline'],
    ['POST', '/v1/cities/ghent/members'],
  ])('leaves %s %s alone', (method, path) => {
    expect(isThrottled(method, path)).toBe(false);
  });
});
