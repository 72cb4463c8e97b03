import { EventStore } from '@rl/event-store';
import { asCityId } from '@rl/kernel';
import { ApiHarness, expectProblem, PASSWORD, Session, TestCity, uniqueSuffix } from '../support/api-harness';

describe('Members, invitations and sessions', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
  });
  afterAll(() => api.close());

  const members = (session: Session) =>
    api.http.get(`/v1/cities/${city.slug}/members`).auth(session.accessToken, { type: 'bearer' });

  describe('invitation', () => {
    it('rejects a forged token naming the field, and a short password', async () => {
      const forged = await api.http
        .post('/v1/auth/accept-invite')
        .send({ token: `${city.id}.${'A'.repeat(43)}`, password: PASSWORD });
      expectProblem(forged, 422, 'INVITATION.INVALID');
      const weak = await api.http
        .post('/v1/auth/accept-invite')
        .send({ token: 'nonsense', password: 'short' });
      expect(
        expectProblem(weak, 400)
          .errors.map((e) => e.field)
          .sort(),
      ).toEqual(['password', 'token']);
    });

    it('has no password field: an unknown field is refused naming it', async () => {
      const res = await api.http
        .post(`/v1/cities/${city.slug}/members`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .send({ email: `pw-${uniqueSuffix()}@x.org`, name: 'x', role: 'observer', password: PASSWORD });
      expect(expectProblem(res, 400).errors.map((e) => e.field)).toEqual(['password']);
    });

    it('refuses to add the same person twice (409) and leaves one membership', async () => {
      const res = await api.http
        .post(`/v1/cities/${city.slug}/members`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .send({ email: coordinator.user.email, name: 'again', role: 'observer' });
      expectProblem(res, 409, 'MEMBER.ALREADY_EXISTS');
      const list = await members(coordinator).expect(200);
      expect(list.body.filter((m: { userId: string }) => m.userId === coordinator.user.id)).toEqual([
        expect.objectContaining({ role: 'coordinator', active: true }),
      ]);
    });

    it('names each invalid field when adding a member', async () => {
      const res = await api.http
        .post(`/v1/cities/${city.slug}/members`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .send({ email: 'not-an-email', name: '', role: 'mayor', organisationId: '42' });
      const fields = expectProblem(res, 400, 'REQUEST.INVALID').errors.map((e) => e.field);
      expect(new Set(fields)).toEqual(new Set(['email', 'name', 'role', 'organisationId']));
    });
  });

  describe('member changes', () => {
    it('changes a role and organisation, and lists the member with them', async () => {
      const official = await api.member(operator, city, 'official');
      const organisation = await api.http
        .post(`/v1/cities/${city.slug}/organisations`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .send({ name: 'Samenlevingsopbouw Gent', kind: 'cso' })
        .expect(201);
      const organisationId = organisation.body.id as string;
      const res = await api.http
        .patch(`/v1/cities/${city.slug}/members/${official.user.id}`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .send({ role: 'collector', organisationId })
        .expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          userId: official.user.id,
          role: 'collector',
          organisationId,
          active: true,
        }),
      );
      const list = await members(coordinator).expect(200);
      expect(list.body).toContainEqual(res.body);

      // Each change is an event in the city's log, with who made it and no personal data.
      const history = await api.app
        .get(EventStore)
        .readStream(asCityId(city.id), `member-${official.user.id}`);
      expect(history.map((e) => [e.type, e.metadata.actorId])).toEqual([
        ['MemberAdded', operator.user.id],
        ['MemberRoleChanged', coordinator.user.id],
        ['MemberOrganisationChanged', coordinator.user.id],
      ]);
      expect(history[1].data).toEqual({ userId: official.user.id, from: 'official', to: 'collector' });
      expect(JSON.stringify(history)).not.toContain(official.user.email);
    });

    it('refuses an organisation that is not one of the city', async () => {
      const official = await api.member(operator, city, 'official');
      const res = await api.http
        .patch(`/v1/cities/${city.slug}/members/${official.user.id}`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .send({ organisationId: '0b9d8c52-7c0a-4b8e-9a4e-2f1f1f5c7a10' });
      expect(expectProblem(res, 422, 'MEMBER.UNKNOWN_ORGANISATION').errors[0].field).toBe('organisationId');
    });

    it('keeps the last active coordinator', async () => {
      const lone = await api.city(operator, 'Utrecht');
      const only = await api.member(operator, lone, 'coordinator');
      const demote = await api.http
        .patch(`/v1/cities/${lone.slug}/members/${only.user.id}`)
        .auth(only.accessToken, { type: 'bearer' })
        .send({ role: 'observer' });
      expect(expectProblem(demote, 409, 'MEMBER.LAST_COORDINATOR').errors).toEqual([
        { field: 'role', message: 'would remove the last active coordinator' },
      ]);
      const remove = await api.http
        .patch(`/v1/cities/${lone.slug}/members/${only.user.id}`)
        .auth(operator.accessToken, { type: 'bearer' })
        .send({ active: false });
      expectProblem(remove, 409, 'MEMBER.LAST_COORDINATOR');
    });

    it('rejects an empty change, an unknown member and a malformed id', async () => {
      const url = `/v1/cities/${city.slug}/members`;
      expectProblem(
        await api.http
          .patch(`${url}/${coordinator.user.id}`)
          .auth(coordinator.accessToken, { type: 'bearer' })
          .send({}),
        400,
        'MEMBER.NOTHING_TO_CHANGE',
      );
      expectProblem(
        await api.http
          .patch(`${url}/6f1c2b8e-1111-4c4c-8d8d-000000000000`)
          .auth(coordinator.accessToken, { type: 'bearer' })
          .send({ role: 'observer' }),
        404,
        'MEMBER.NOT_FOUND',
      );
      const malformed = await api.http
        .patch(`${url}/not-a-uuid`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .send({ role: 'observer' });
      expect(expectProblem(malformed, 400).errors[0].field).toBe('userId');
    });
  });

  describe('sessions', () => {
    it('rotates refresh tokens, and a reused token revokes the whole session', async () => {
      const first = await api.login(coordinator.user.email);
      const second = await api.http
        .post('/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      await api.http.get('/v1/me').auth(second.body.accessToken, { type: 'bearer' }).expect(200);

      const replay = await api.http.post('/v1/auth/refresh').send({ refreshToken: first.refreshToken });
      expectProblem(replay, 401, 'AUTH.REFRESH_TOKEN_REUSED');

      // The legitimate successor and its access token are dead too.
      expectProblem(
        await api.http.post('/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }),
        401,
        'AUTH.INVALID_REFRESH_TOKEN',
      );
      expectProblem(await api.http.get('/v1/me').auth(second.body.accessToken, { type: 'bearer' }), 401);

      // Other sessions of the same user are untouched.
      await api.http.get('/v1/me').auth(coordinator.accessToken, { type: 'bearer' }).expect(200);
    });

    it('lets exactly one of two concurrent refreshes with the same token win', async () => {
      const session = await api.login(coordinator.user.email);
      const results = await Promise.all(
        [1, 2].map(() => api.http.post('/v1/auth/refresh').send({ refreshToken: session.refreshToken })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('logs out: the refresh token and the access token stop working', async () => {
      const session = await api.login(coordinator.user.email);
      await api.http.post('/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      expectProblem(await api.http.get('/v1/me').auth(session.accessToken, { type: 'bearer' }), 401);
      expectProblem(
        await api.http.post('/v1/auth/refresh').send({ refreshToken: session.refreshToken }),
        401,
      );
    });

    it('refuses a wrong password and an unknown account alike', async () => {
      const wrong = await api.http
        .post('/v1/auth/login')
        .send({ email: coordinator.user.email, password: 'wrong-password-1' });
      const unknown = await api.http
        .post('/v1/auth/login')
        .send({ email: `nobody-${uniqueSuffix()}@x.org`, password: 'wrong-password-1' });
      expect(expectProblem(wrong, 401).code).toBe(expectProblem(unknown, 401).code);
    });
  });
});
