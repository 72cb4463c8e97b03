import { createHmac } from 'node:crypto';
import { Test } from 'supertest';
import { CityRole } from '@rl/kernel';
import { ApiHarness, expectProblem, Session, TestCity, uniqueSuffix } from '../support/api-harness';

// The city roles of the contract; only coordinators (and operators) manage a city's members.
const ALL_ROLES: CityRole[] = ['coordinator', 'official', 'collector', 'researcher', 'auditor', 'observer'];
const NON_COORDINATOR_ROLES = ALL_ROLES.filter((role) => role !== 'coordinator');

interface MemberRow {
  userId: string;
  email: string;
  role: CityRole;
  active: boolean;
}

describe('Roles: who may call the member, platform and /v1/me routes', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity());
  });
  afterAll(() => api.close());

  const membersPath = () => `/v1/cities/${city.slug}/members`;
  const newMember = (role: CityRole = 'observer') => ({
    email: `new-${role}-${uniqueSuffix()}@${city.slug}.test`,
    name: `New ${role}`,
    role,
  });
  const newCity = () => ({
    slug: `rolecity-${uniqueSuffix()}`,
    name: 'Role city',
    countryCode: 'BE',
    defaultLocale: 'nl',
    timezone: 'Europe/Brussels',
  });

  const listAs = (session: Session) =>
    api.http.get(membersPath()).auth(session.accessToken, { type: 'bearer' });
  const addAs = (session: Session, body: Record<string, unknown>) =>
    api.http.post(membersPath()).auth(session.accessToken, { type: 'bearer' }).send(body);
  const patchAs = (session: Session, userId: string, body: Record<string, unknown>) =>
    api.http.patch(`${membersPath()}/${userId}`).auth(session.accessToken, { type: 'bearer' }).send(body);
  const membersSeenByCoordinator = async (): Promise<MemberRow[]> =>
    (await listAs(coordinator).expect(200)).body;

  describe('member routes', () => {
    it('lets a coordinator list, add and change members', async () => {
      const target = await api.member(operator, city, 'official');

      const list = await listAs(coordinator).expect(200);
      expect(list.body).toContainEqual(
        expect.objectContaining({ userId: coordinator.user.id, role: 'coordinator' }),
      );

      const body = newMember('collector');
      const added = await addAs(coordinator, body).expect(201);
      expect(added.body).toEqual(expect.objectContaining({ userId: expect.any(String), role: 'collector' }));

      const patched = await patchAs(coordinator, target.user.id, { role: 'researcher' }).expect(200);
      expect(patched.body).toEqual(expect.objectContaining({ userId: target.user.id, role: 'researcher' }));
    });

    it.each(NON_COORDINATOR_ROLES)(
      'refuses a %s with 403 AUTH.ROLE_NOT_ALLOWED on every member route',
      async (role) => {
        const caller = await api.member(operator, city, role);
        const target = await api.member(operator, city, 'observer');

        expectProblem(await listAs(caller), 403, 'AUTH.ROLE_NOT_ALLOWED');

        const body = newMember('coordinator');
        expectProblem(await addAs(caller, body), 403, 'AUTH.ROLE_NOT_ALLOWED');

        expectProblem(
          await patchAs(caller, target.user.id, { role: 'coordinator' }),
          403,
          'AUTH.ROLE_NOT_ALLOWED',
        );
        expectProblem(
          await patchAs(caller, caller.user.id, { role: 'coordinator' }),
          403,
          'AUTH.ROLE_NOT_ALLOWED',
        );

        const members = await membersSeenByCoordinator();
        expect(members.map((m) => m.email)).not.toContain(body.email);
        expect(members).toContainEqual(
          expect.objectContaining({ userId: target.user.id, role: 'observer', active: true }),
        );
        expect(members).toContainEqual(
          expect.objectContaining({ userId: caller.user.id, role, active: true }),
        );
      },
    );

    it('lets an operator who is not a member list, add and change members', async () => {
      const me = await api.http.get('/v1/me').auth(operator.accessToken, { type: 'bearer' }).expect(200);
      expect(me.body.memberships).toEqual([]);
      const target = await api.member(operator, city, 'official');

      const list = await listAs(operator).expect(200);
      expect(list.body).toContainEqual(expect.objectContaining({ userId: target.user.id, role: 'official' }));

      const body = newMember('auditor');
      const added = await addAs(operator, body).expect(201);
      expect(added.body).toEqual(expect.objectContaining({ userId: expect.any(String), role: 'auditor' }));

      const patched = await patchAs(operator, target.user.id, { role: 'collector' }).expect(200);
      expect(patched.body).toEqual(expect.objectContaining({ userId: target.user.id, role: 'collector' }));
    });
  });

  describe('platform routes', () => {
    it('are open to an operator', async () => {
      const body = newCity();
      await api.http
        .post('/v1/platform/cities')
        .auth(operator.accessToken, { type: 'bearer' })
        .send(body)
        .expect(201);
      const list = await api.http
        .get('/v1/platform/cities?limit=1000')
        .auth(operator.accessToken, { type: 'bearer' })
        .expect(200);
      expect(list.body.map((c: { slug: string }) => c.slug)).toContain(body.slug);
    });

    it.each(ALL_ROLES)('refuse a city %s with 403 AUTH.OPERATOR_ONLY', async (role) => {
      const caller = await api.member(operator, city, role);
      const body = newCity();

      expectProblem(
        await api.http.get('/v1/platform/cities').auth(caller.accessToken, { type: 'bearer' }),
        403,
        'AUTH.OPERATOR_ONLY',
      );
      expectProblem(
        await api.http.post('/v1/platform/cities').auth(caller.accessToken, { type: 'bearer' }).send(body),
        403,
        'AUTH.OPERATOR_ONLY',
      );

      const list = await api.http
        .get('/v1/platform/cities?limit=1000')
        .auth(operator.accessToken, { type: 'bearer' })
        .expect(200);
      expect(list.body.map((c: { slug: string }) => c.slug)).not.toContain(body.slug);
    });
  });

  describe('authentication', () => {
    const ROUTES = [
      'GET /v1/me',
      'GET /v1/platform/cities',
      'POST /v1/platform/cities',
      'GET /v1/cities/:city/members',
      'POST /v1/cities/:city/members',
      'PATCH /v1/cities/:city/members/:userId',
    ];

    // Sends the route's call with `authorize` applied, then checks that it changed nothing.
    const callAndCheckNothingChanged = async (route: string, authorize: (req: Test) => Test) => {
      const target = await api.member(operator, city, 'observer');
      const member = newMember();
      const cityBody = newCity();
      const [method, pattern] = route.split(' ');
      const path = pattern.replace(':city', city.slug).replace(':userId', target.user.id);
      const res =
        method === 'GET'
          ? await authorize(api.http.get(path))
          : method === 'PATCH'
            ? await authorize(api.http.patch(path)).send({ role: 'coordinator' })
            : await authorize(api.http.post(path)).send(pattern.includes('members') ? member : cityBody);

      const members = await membersSeenByCoordinator();
      expect(members.map((m) => m.email)).not.toContain(member.email);
      expect(members).toContainEqual(
        expect.objectContaining({ userId: target.user.id, role: 'observer', active: true }),
      );
      const cities = await api.http
        .get('/v1/platform/cities?limit=1000')
        .auth(operator.accessToken, { type: 'bearer' })
        .expect(200);
      expect(cities.body.map((c: { slug: string }) => c.slug)).not.toContain(cityBody.slug);
      return res;
    };

    it.each(ROUTES)('%s without a token is 401 AUTH.UNAUTHENTICATED', async (route) => {
      expectProblem(await callAndCheckNothingChanged(route, (req) => req), 401, 'AUTH.UNAUTHENTICATED');
    });

    it.each(ROUTES)('%s with a garbage token is 401 AUTH.UNAUTHENTICATED', async (route) => {
      const res = await callAndCheckNothingChanged(route, (r) =>
        r.auth('not.a-real.token', { type: 'bearer' }),
      );
      expectProblem(res, 401, 'AUTH.UNAUTHENTICATED');
    });
    it('refuses a well-formed token for a real session that the API did not sign (401)', async () => {
      const [header, payload] = coordinator.accessToken.split('.');
      const forgedSignature = createHmac('sha256', `not-the-api-secret-${uniqueSuffix()}`)
        .update(`${header}.${payload}`)
        .digest('base64url');
      const forged = `${header}.${payload}.${forgedSignature}`;

      expectProblem(
        await api.http.get('/v1/me').auth(forged, { type: 'bearer' }),
        401,
        'AUTH.UNAUTHENTICATED',
      );
      expectProblem(
        await api.http.get(membersPath()).auth(forged, { type: 'bearer' }),
        401,
        'AUTH.UNAUTHENTICATED',
      );
    });
  });

  describe('/v1/me', () => {
    it.each(ALL_ROLES)('answers a %s with exactly their membership', async (role) => {
      const session = await api.member(operator, city, role);
      const me = await api.http.get('/v1/me').auth(session.accessToken, { type: 'bearer' }).expect(200);
      expect(me.body).toEqual(expect.objectContaining({ id: session.user.id, email: session.user.email }));
      expect(
        me.body.memberships.map((m: { city: string; role: string }) => ({ city: m.city, role: m.role })),
      ).toEqual([{ city: city.slug, role }]);
    });
  });

  describe('changes take effect on the next request', () => {
    it('a deactivated member gets 404 CITY.NOT_FOUND with their still-valid access token', async () => {
      const second = await api.member(operator, city, 'coordinator');
      await listAs(second).expect(200);

      const patched = await patchAs(coordinator, second.user.id, { active: false }).expect(200);
      expect(patched.body).toEqual(expect.objectContaining({ userId: second.user.id, active: false }));

      await api.http.get('/v1/me').auth(second.accessToken, { type: 'bearer' }).expect(200); // the token itself still works
      expectProblem(await listAs(second), 404, 'CITY.NOT_FOUND');
      expectProblem(await addAs(second, newMember()), 404, 'CITY.NOT_FOUND');
    });

    it('a deactivated official gets 404 CITY.NOT_FOUND instead of 403', async () => {
      const official = await api.member(operator, city, 'official');
      expectProblem(await listAs(official), 403, 'AUTH.ROLE_NOT_ALLOWED');

      await patchAs(coordinator, official.user.id, { active: false }).expect(200);

      expectProblem(await listAs(official), 404, 'CITY.NOT_FOUND');
    });

    it('an official promoted to coordinator can list members at once', async () => {
      const official = await api.member(operator, city, 'official');
      expectProblem(await listAs(official), 403, 'AUTH.ROLE_NOT_ALLOWED');

      await patchAs(coordinator, official.user.id, { role: 'coordinator' }).expect(200);

      const list = await listAs(official).expect(200);
      expect(list.body).toContainEqual(
        expect.objectContaining({ userId: official.user.id, role: 'coordinator' }),
      );
    });

    it('a coordinator demoted to observer is refused at once', async () => {
      const second = await api.member(operator, city, 'coordinator');
      await listAs(second).expect(200);

      await patchAs(coordinator, second.user.id, { role: 'observer' }).expect(200);

      expectProblem(await listAs(second), 403, 'AUTH.ROLE_NOT_ALLOWED');
    });
  });
});
