import { Response } from 'supertest';
import { CityRole } from '@rl/kernel';
import { ApiHarness, expectProblem, PASSWORD, Session, TestCity, uniqueSuffix } from '../support/api-harness';

interface MemberRow {
  userId: string;
  email: string;
  role: CityRole;
  active: boolean;
}

// Two cities on one platform: nothing of one may be seen, changed or even confirmed to exist from the other.
describe('Tenant isolation between cities', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: TestCity;
  let padua: TestCity;
  let ghentCoordinator: Session;
  let ghentOfficial: Session;
  const paduan: Partial<Record<'coordinator' | 'official', Session>> = {};

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await api.city(operator, 'Ghent');
    padua = await api.city(operator, 'Padua');
    ghentCoordinator = await api.member(operator, ghent, 'coordinator');
    ghentOfficial = await api.member(operator, ghent, 'official');
    paduan.coordinator = await api.member(operator, padua, 'coordinator');
    paduan.official = await api.member(operator, padua, 'official');
  });
  afterAll(() => api.close());

  const list = (session: Session, slug: string) =>
    api.http.get(`/v1/cities/${slug}/members`).auth(session.accessToken, { type: 'bearer' });
  const add = (session: Session, slug: string, body: Record<string, unknown>) =>
    api.http.post(`/v1/cities/${slug}/members`).auth(session.accessToken, { type: 'bearer' }).send(body);
  const patch = (session: Session, slug: string, userId: string, body: Record<string, unknown>) =>
    api.http
      .patch(`/v1/cities/${slug}/members/${userId}`)
      .auth(session.accessToken, { type: 'bearer' })
      .send(body);
  const newMember = (slug: string) => ({
    email: `newcomer-${uniqueSuffix()}@${slug}.test`,
    name: 'Newcomer',
    role: 'observer',
  });
  const ghentMembers = async (): Promise<MemberRow[]> =>
    (await list(ghentCoordinator, ghent.slug).expect(200)).body;
  const paduaMembers = async (): Promise<MemberRow[]> =>
    (await list(paduan.coordinator!, padua.slug).expect(200)).body;

  // The raw response text contains none of Ghent's member e-mails or ids.
  const expectNoGhentMemberIn = async (res: Response) => {
    const members = await ghentMembers();
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) {
      expect(res.text).not.toContain(m.userId);
      expect(res.text.toLowerCase()).not.toContain(m.email.toLowerCase());
    }
  };

  it.each(['coordinator', 'official'] as const)(
    'a Padua %s gets 404 CITY.NOT_FOUND on every Ghent route',
    async (role) => {
      const caller = paduan[role]!;

      const listed = await list(caller, ghent.slug);
      expectProblem(listed, 404, 'CITY.NOT_FOUND');
      await expectNoGhentMemberIn(listed);

      const body = newMember(ghent.slug);
      const added = await add(caller, ghent.slug, body);
      expectProblem(added, 404, 'CITY.NOT_FOUND');
      await expectNoGhentMemberIn(added);

      const patched = await patch(caller, ghent.slug, ghentOfficial.user.id, { role: 'coordinator' });
      expectProblem(patched, 404, 'CITY.NOT_FOUND');
      await expectNoGhentMemberIn(patched);

      const members = await ghentMembers();
      expect(members.map((m) => m.email)).not.toContain(body.email);
      expect(members).toContainEqual(
        expect.objectContaining({ userId: ghentOfficial.user.id, role: 'official', active: true }),
      );
    },
  );

  it('a Padua coordinator cannot reach a Ghent member through Padua (404 MEMBER.NOT_FOUND)', async () => {
    const target = await api.member(operator, ghent, 'researcher');

    for (const change of [{ role: 'coordinator' }, { active: false }]) {
      const res = await patch(paduan.coordinator!, padua.slug, target.user.id, change);
      expectProblem(res, 404, 'MEMBER.NOT_FOUND');
      expect(res.text.toLowerCase()).not.toContain(target.user.email.toLowerCase());
    }

    expect(await ghentMembers()).toContainEqual(
      expect.objectContaining({ userId: target.user.id, role: 'researcher', active: true }),
    );
    expect((await paduaMembers()).map((m) => m.userId)).not.toContain(target.user.id);
  });

  it('answers an unknown city and a foreign city alike (no existence leak)', async () => {
    const unknown = `nowhere-${uniqueSuffix()}`;
    // The same body, with the slug (which the caller sent) masked, whichever city was asked for.
    const shape = (res: Response, slug: string) => ({
      status: res.status,
      code: res.body.code,
      body: JSON.parse(res.text.split(slug).join(':city')),
    });
    const calls: ((slug: string) => Promise<Response>)[] = [
      (slug) => list(paduan.coordinator!, slug),
      (slug) => add(paduan.coordinator!, slug, newMember(slug)),
      (slug) => patch(paduan.coordinator!, slug, ghentOfficial.user.id, { role: 'observer' }),
    ];
    for (const call of calls) {
      const foreign = await call(ghent.slug);
      const missing = await call(unknown);
      expectProblem(foreign, 404, 'CITY.NOT_FOUND');
      expectProblem(missing, 404, 'CITY.NOT_FOUND');
      expect(shape(foreign, ghent.slug)).toEqual(shape(missing, unknown));
    }
  });

  it("a Padua user's login and /v1/me list only Padua", async () => {
    const login = await api.http
      .post('/v1/auth/login')
      .send({ email: paduan.official!.user.email, password: PASSWORD })
      .expect(200);
    expect(login.body.memberships.map((m: { city: string }) => m.city)).toEqual([padua.slug]);
    expect(login.text).not.toContain(ghent.slug);

    const me = await api.http.get('/v1/me').auth(login.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body.memberships.map((m: { city: string }) => m.city)).toEqual([padua.slug]);
    expect(JSON.stringify(me.body)).not.toContain(ghent.slug);
  });

  it("Ghent's member list holds no Padua member", async () => {
    const paduaList = await paduaMembers();
    const ghentList = await ghentMembers();
    const ghentIds = ghentList.map((m) => m.userId);
    const ghentEmails = ghentList.map((m) => m.email);

    expect(ghentIds).toEqual(expect.arrayContaining([ghentCoordinator.user.id, ghentOfficial.user.id]));
    expect(paduaList.length).toBeGreaterThan(0);
    for (const m of paduaList) {
      expect(ghentIds).not.toContain(m.userId);
      expect(ghentEmails).not.toContain(m.email);
    }
  });
});
