import { JwtService } from '@nestjs/jwt';
import { TenantDb } from '@rl/persistence';
import { ApiHarness, expectProblem, PASSWORD, Session, TestCity, uniqueSuffix } from '../support/api-harness';
import { MailCatcher, tokenIn } from '../support/mail-catcher';

const NEW_PASSWORD = 'a-brand-new-passphrase';

describe('Passwords and sessions', () => {
  let catcher: MailCatcher;
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;

  beforeAll(async () => {
    catcher = await MailCatcher.start();
    ({ api, operator } = await ApiHarness.startWithOperator({ SMTP_URL: catcher.url }));
    city = await api.city(operator);
  });
  afterAll(async () => {
    await api.close();
    await catcher.close();
  });

  const me = (accessToken: string) => api.http.get('/v1/me').auth(accessToken, { type: 'bearer' });
  const refresh = (refreshToken: string) => api.http.post('/v1/auth/refresh').send({ refreshToken });
  const logout = (refreshToken: string) => api.http.post('/v1/auth/logout').send({ refreshToken });
  const requestReset = (email: string) => api.http.post('/v1/auth/password-reset').send({ email });
  const confirmReset = (token: string, password = NEW_PASSWORD) =>
    api.http.post('/v1/auth/password-reset/confirm').send({ token, password });
  // Asks for a reset and returns the token of the e-mail it sends.
  const resetToken = async (email: string) => {
    const before = catcher.to(email).length;
    await requestReset(email).expect(202);
    return tokenIn((await catcher.waitFor(email, before + 1))[before]);
  };
  const expectEnded = async (session: Pick<Session, 'accessToken' | 'refreshToken'>) => {
    expectProblem(await me(session.accessToken), 401);
    expectProblem(await refresh(session.refreshToken), 401);
  };

  describe('password reset', () => {
    it('answers alike for known and unknown addresses and e-mails only the known one', async () => {
      const member = await api.member(operator, city, 'official');
      const nobody = `nobody-${uniqueSuffix()}@x.example`;
      const known = await requestReset(member.user.email);
      const unknown = await requestReset(nobody);
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.text).toBe(unknown.text);
      await catcher.waitFor(member.user.email, 1);
      expect(catcher.to(nobody)).toEqual([]);
    });

    it('sets the password with the e-mailed token, once, and ends every session', async () => {
      const member = await api.member(operator, city, 'official');
      const other = await api.login(member.user.email);
      const token = await resetToken(member.user.email);

      await confirmReset(token).expect(204);
      await expectEnded(member);
      await expectEnded(other);
      expectProblem(
        await api.http.post('/v1/auth/login').send({ email: member.user.email, password: PASSWORD }),
        401,
      );
      await api.login(member.user.email, NEW_PASSWORD);

      const replay = await confirmReset(token, 'yet-another-passphrase');
      expect(expectProblem(replay, 422, 'PASSWORD_RESET.INVALID').errors[0].field).toBe('token');
    });

    it('refuses a token superseded by a newer request, and an expired one', async () => {
      const member = await api.member(operator, city, 'official');
      const first = await resetToken(member.user.email);
      const second = await resetToken(member.user.email);
      expectProblem(await confirmReset(first), 422, 'PASSWORD_RESET.INVALID');

      await api.app
        .get(TenantDb)
        .platform((em) =>
          em.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
            member.user.id,
          ]),
        );
      expectProblem(await confirmReset(second), 422, 'PASSWORD_RESET.INVALID');
      await api.login(member.user.email); // unchanged
    });

    it('names the bad fields of a confirmation', async () => {
      const res = await confirmReset('not-a-token', 'x'.repeat(129));
      expect(
        expectProblem(res, 400)
          .errors.map((e) => e.field)
          .sort(),
      ).toEqual(['password', 'token']);
    });
  });

  describe('password change', () => {
    it('needs the current password, ends every session and opens a new one', async () => {
      const member = await api.member(operator, city, 'collector');
      const change = (currentPassword: string, newPassword: string) =>
        api.http
          .post('/v1/me/password')
          .auth(member.accessToken, { type: 'bearer' })
          .send({ currentPassword, newPassword });

      const wrong = await change('not-my-password', NEW_PASSWORD);
      expect(expectProblem(wrong, 422, 'AUTH.WRONG_PASSWORD').errors[0].field).toBe('currentPassword');
      const tooLong = await change(PASSWORD, 'x'.repeat(129));
      expect(expectProblem(tooLong, 400).errors[0].field).toBe('newPassword');

      const changed = await change(PASSWORD, NEW_PASSWORD).expect(200);
      await expectEnded(member);
      await me(changed.body.accessToken).expect(200);
      await api.login(member.user.email, NEW_PASSWORD);
    });
  });

  describe('sessions', () => {
    it('never leaves a live successor behind a concurrent logout', async () => {
      const member = await api.member(operator, city, 'observer');
      // Each round is a login (an argon2 hash): a few rounds catch the race (the old code failed the first).
      for (let i = 0; i < 8; i++) {
        const session = await api.login(member.user.email);
        const [refreshed] = await Promise.all([refresh(session.refreshToken), logout(session.refreshToken)]);
        await expectEnded(session);
        if (refreshed.status === 200) {
          await expectEnded(refreshed.body);
        } else {
          expectProblem(refreshed, 401);
        }
      }
    }, 90_000);

    it("refuses access tokens of another algorithm, issuer, audience or user's session", async () => {
      const member = await api.member(operator, city, 'observer');
      const claimsOf = (session: Session) =>
        JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString()) as {
          sub: string;
          sid: string;
        };
      const { sub, sid } = claimsOf(member);
      const { accessTokenSecret: secret, issuer, audience } = api.config.auth;
      const jwt = new JwtService({ secret });
      // Options set to undefined are left out of the token.
      const sign = (options: Record<string, unknown>, claims = { sub, sid }) => {
        const all = { expiresIn: 300, algorithm: 'HS256', issuer, audience, ...options };
        return jwt.signAsync(
          claims,
          Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)),
        );
      };

      await me(await sign({})).expect(200);
      for (const options of [
        { algorithm: 'HS512' },
        { issuer: 'someone-else' },
        { audience: 'another-api' },
        { issuer: undefined, audience: undefined },
      ]) {
        expectProblem(await me(await sign(options)), 401, 'AUTH.UNAUTHENTICATED');
      }
      // Another user's live session does not carry this user's token.
      const other = claimsOf(await api.member(operator, city, 'observer'));
      expectProblem(await me(await sign({}, { sub, sid: other.sid })), 401, 'AUTH.UNAUTHENTICATED');

      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ sub, sid, iss: issuer, aud: audience, exp: Math.floor(Date.now() / 1000) + 300 }),
      ).toString('base64url');
      expectProblem(await me(`${header}.${payload}.`), 401, 'AUTH.UNAUTHENTICATED');
    });
  });
});
