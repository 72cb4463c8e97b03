import { NotificationSweep } from '@rl/notifications';
import { TenantDb } from '@rl/persistence';
import { ApiHarness, expectProblem, PASSWORD, Session, TestCity, uniqueSuffix } from '../support/api-harness';
import { MailCatcher, tokenIn } from '../support/mail-catcher';

// Adding members, invitations by e-mail and their answers (issue 10, attack 1: cross-city takeover).
describe('Accounts: memberships offered, invitations by e-mail', () => {
  let catcher: MailCatcher;
  let api: ApiHarness;
  let operator: Session;
  let ghent: TestCity;
  let padua: TestCity;
  let ghentCoordinator: Session;

  beforeAll(async () => {
    catcher = await MailCatcher.start();
    ({ api, operator } = await ApiHarness.startWithOperator({ SMTP_URL: catcher.url }));
    ghent = await api.city(operator, 'Ghent');
    padua = await api.city(operator, 'Padua');
    ghentCoordinator = await api.member(operator, ghent, 'coordinator');
  });
  afterAll(async () => {
    await api.close();
    await catcher.close();
  });

  const bearer = (session: { accessToken: string }) => `Bearer ${session.accessToken}`;
  const add = (session: Session, city: TestCity, body: Record<string, unknown>) =>
    api.http.post(`/v1/cities/${city.slug}/members`).set('Authorization', bearer(session)).send(body);
  const acceptInvite = (token: string) =>
    api.http.post('/v1/auth/accept-invite').send({ token, password: PASSWORD });
  const membersOf = async (city: TestCity, session: Session) =>
    (await api.http.get(`/v1/cities/${city.slug}/members`).set('Authorization', bearer(session)).expect(200))
      .body as { userId: string; status: string; active: boolean }[];
  const tokensAtRest = (userId: string) =>
    api.app
      .get(TenantDb)
      .platform((em) =>
        em.query<{ token: string | null; status: string }[]>(
          `SELECT token, status FROM account_emails WHERE user_id = $1`,
          [userId],
        ),
      );

  it('gives the coordinator of another city nothing usable for an account invited elsewhere', async () => {
    const v = await api.city(operator, 'V');
    const boss = `boss-${uniqueSuffix()}@v.example`;
    const first = await add(operator, v, { email: boss, name: 'Boss of V', role: 'coordinator' }).expect(201);
    expect(first.body).toEqual({ userId: expect.any(String), role: 'coordinator', status: 'pending' });

    // Ghent's coordinator adds the same address, and an address nobody has.
    const second = await add(ghentCoordinator, ghent, { email: boss, name: 'Boss', role: 'observer' }).expect(
      201,
    );
    const nobody = `nobody-${uniqueSuffix()}@x.example`;
    const unknown = await add(ghentCoordinator, ghent, { email: nobody, name: 'N', role: 'observer' }).expect(
      201,
    );
    // Same shape and status whether the address had an account; no token in any answer.
    expect(second.body).toEqual({ userId: first.body.userId, role: 'observer', status: 'pending' });
    expect(unknown.body).toEqual({ userId: expect.any(String), role: 'observer', status: 'pending' });
    for (const res of [first, second, unknown]) {
      expect(res.text).not.toMatch(/token|existingAccount|[A-Za-z0-9_-]{43}/i);
    }

    // The addressee gets V's invitation with the only token, and Ghent's offer without one.
    const mails = await catcher.waitFor(boss, 2);
    const invitation = mails.find((m) => m.kind === 'account.invitation')!;
    const offer = mails.find((m) => m.kind === 'account.membership-offered')!;
    expect(offer.text).not.toMatch(/[A-Za-z0-9_-]{43}/);
    const token = tokenIn(invitation);
    expect(token.startsWith(`${v.id}.`)).toBe(true);

    // The token works for the addressee, who becomes V's coordinator; Ghent's offer waits for them.
    const accepted = await acceptInvite(token).expect(200);
    expect(accepted.body.user.id).toBe(first.body.userId);
    expect(accepted.body.memberships).toEqual([
      expect.objectContaining({ city: v.slug, role: 'coordinator' }),
    ]);
    const offers = await api.http
      .get('/v1/me/invitations')
      .set('Authorization', bearer(accepted.body))
      .expect(200);
    expect(offers.body).toEqual([
      expect.objectContaining({ id: ghent.id, city: ghent.slug, cityName: 'Ghent', role: 'observer' }),
    ]);
    expect(await membersOf(ghent, ghentCoordinator)).toContainEqual(
      // Under the name Ghent gave: the list does not reveal the name of the account held elsewhere.
      expect.objectContaining({ userId: first.body.userId, name: 'Boss', status: 'pending', active: false }),
    );

    // Once sent, no token is left in the outbox.
    const waitUntilSent = async () => {
      for (let i = 0; i < 100; i++) {
        const rows = await tokensAtRest(first.body.userId);
        if (rows.every((r) => r.status === 'sent')) return rows;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('account e-mails not marked sent');
    };
    expect((await waitUntilSent()).map((r) => r.token)).toEqual([null, null]);
  });

  it('keeps a pending member out until they accept; only they can make it active', async () => {
    const person = await api.member(operator, padua, 'official');
    await add(ghentCoordinator, ghent, { email: person.user.email, name: 'x', role: 'researcher' }).expect(
      201,
    );
    const organisations = () =>
      api.http.get(`/v1/cities/${ghent.slug}/organisations`).set('Authorization', bearer(person));

    expectProblem(await organisations(), 404, 'CITY.NOT_FOUND');
    const me = await api.http.get('/v1/me').set('Authorization', bearer(person)).expect(200);
    expect(me.body.memberships.map((m: { city: string }) => m.city)).toEqual([padua.slug]);
    const activate = await api.http
      .patch(`/v1/cities/${ghent.slug}/members/${person.user.id}`)
      .set('Authorization', bearer(ghentCoordinator))
      .send({ active: true });
    expect(expectProblem(activate, 409, 'MEMBER.INVITATION_PENDING').errors[0].field).toBe('active');

    const accept = `/v1/me/invitations/${ghent.id}/accept`;
    await api.http.post(accept).set('Authorization', bearer(person)).expect(204);
    await organisations().expect(200);
    expect(await membersOf(ghent, ghentCoordinator)).toContainEqual(
      expect.objectContaining({ userId: person.user.id, status: 'active', active: true }),
    );
    expectProblem(
      await api.http.post(accept).set('Authorization', bearer(person)),
      404,
      'INVITATION.NOT_FOUND',
    );
  });

  it('lets the person decline; the offer is gone and the city may offer again', async () => {
    const person = await api.member(operator, padua, 'collector');
    const body = { email: person.user.email, name: 'x', role: 'observer' };
    await add(ghentCoordinator, ghent, body).expect(201);
    // Another user cannot answer it.
    expectProblem(
      await api.http
        .post(`/v1/me/invitations/${ghent.id}/decline`)
        .set('Authorization', bearer(ghentCoordinator)),
      404,
      'INVITATION.NOT_FOUND',
    );
    await api.http
      .post(`/v1/me/invitations/${ghent.id}/decline`)
      .set('Authorization', bearer(person))
      .expect(204);
    const offers = await api.http.get('/v1/me/invitations').set('Authorization', bearer(person)).expect(200);
    expect(offers.body).toEqual([]);
    expect((await membersOf(ghent, ghentCoordinator)).map((m) => m.userId)).not.toContain(person.user.id);
    await add(ghentCoordinator, ghent, body).expect(201);
  });

  it('re-issues an invitation: a new e-mail, and the old token dies', async () => {
    const email = `late-${uniqueSuffix()}@ghent.example`;
    const added = await add(ghentCoordinator, ghent, { email, name: 'Late', role: 'collector' }).expect(201);
    const [first] = await catcher.waitFor(email, 1);
    const reissue = () =>
      api.http
        .post(`/v1/cities/${ghent.slug}/members/${added.body.userId}/invitation`)
        .set('Authorization', bearer(ghentCoordinator));
    const again = await reissue().expect(202);
    expect(again.body).toEqual({ userId: added.body.userId, role: 'collector', status: 'pending' });
    const mails = await catcher.waitFor(email, 2);
    const [oldToken, newToken] = [tokenIn(first), tokenIn(mails[1])];
    expect(newToken).not.toBe(oldToken);

    expectProblem(await acceptInvite(oldToken), 422, 'INVITATION.INVALID');
    const session = await acceptInvite(newToken).expect(200);
    expect(session.body.memberships).toEqual([
      expect.objectContaining({ city: ghent.slug, role: 'collector' }),
    ]);
    expectProblem(await reissue(), 409, 'MEMBER.NOT_PENDING');
  });

  it('sends an account e-mail whose wake-up Redis lost, at the next sweep', async () => {
    const person = await api.member(operator, padua, 'auditor');
    const before = catcher.to(person.user.email).length;
    // An outbox row with no job, as after a Redis data loss.
    await api.app.get(TenantDb).platform((em) =>
      em.query(
        `INSERT INTO account_emails (id, user_id, kind, data, created_at)
         VALUES (gen_random_uuid(), $1, 'account.membership-offered', $2, now() - interval '1 minute')`,
        [person.user.id, { cityName: 'Ghent', role: 'observer' }],
      ),
    );
    await api.worker.get(NotificationSweep).sweep();
    const [mail] = (await catcher.waitFor(person.user.email, before + 1)).slice(before);
    expect(mail).toEqual(expect.objectContaining({ kind: 'account.membership-offered' }));
    expect(mail.subject).toBe('Ghent offers you a membership on Rights Ledger');
  });
});
