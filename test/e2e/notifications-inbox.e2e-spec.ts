import { randomUUID } from 'node:crypto';
import { asUserId } from '@rl/kernel';
import { DEFAULT_REMINDER_POLICY } from '@rl/notifications';
import { TenantDb } from '@rl/persistence';
import {
  ApiHarness,
  AssignedWork,
  cityClient,
  EARLY_SCHOOL_LEAVERS,
  eventually,
  expectProblem,
  fixtures,
  Session,
  suiteQueues,
  TestCity,
  twoCities,
} from '../support';

interface Notice {
  id: string;
  city: string;
  kind: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

describe('Notifications: the inbox, preferences and a city reminder policy', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: TestCity;
  let padua: TestCity;
  let coordinator: Session;
  let paduaCoordinator: Session;
  let collector: Session;
  let ghentWork: AssignedWork;
  let paduaWork: AssignedWork;

  const cityPath = (city: TestCity, resource: string) => `/v1/cities/${city.slug}/${resource}`;
  const post = (session: Session, path: string) =>
    api.http.post(path).auth(session.accessToken, { type: 'bearer' });
  const get = (session: Session, path: string) =>
    api.http.get(path).auth(session.accessToken, { type: 'bearer' });
  const put = (session: Session, path: string) =>
    api.http.put(path).auth(session.accessToken, { type: 'bearer' });
  const inbox = async (session: Session, query = ''): Promise<Notice[]> =>
    (await get(session, `/v1/me/notifications${query}`).expect(200)).body as Notice[];

  const organisation = (city: TestCity, session: Session) =>
    fixtures.organisation(cityClient(api, city, session));

  // Assigns new work due in a little over two days. Of the default reminders (14 and 3 days before, the
  // deadline morning, 1 and 7 days after) the 3-day one then fell due 21 hours ago: still owed, so it
  // fires at once as 'reminder.upcoming', at any time of day (the 14-day one is too old to be owed).
  const assignWork = (city: TestCity, session: Session, organisationId: string, periodCode: string) =>
    fixtures.assignedWork(cityClient(api, city, session), {
      organisationId,
      periodCode,
      deadline: new Date(Date.now() + (2 * 24 + 3) * 3_600_000).toISOString(),
      indicator: { ...EARLY_SCHOOL_LEAVERS, code: `EDU-${randomUUID().slice(0, 6)}` },
    });

  const noticeFor = (work: AssignedWork, session = collector) =>
    eventually(`the reminder about ${work.indicatorCode}`, async () =>
      (await inbox(session)).find((n) => n.data.indicatorCode === work.indicatorCode),
    );

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator({
      REMINDER_SWEEP_SECONDS: '2',
      ...suiteQueues('inbox'),
    }));
    ({ ghent, padua, coordinator, paduaCoordinator } = await twoCities(api, operator));
    collector = await api.member(operator, ghent, 'collector', {
      organisationId: await organisation(ghent, coordinator),
    });
    // The same person collects for an organisation in Padua too: one inbox for both cities.
    await post(operator, cityPath(padua, 'members'))
      .send({
        email: collector.user.email,
        name: collector.user.name,
        role: 'collector',
        organisationId: await organisation(padua, paduaCoordinator),
      })
      .expect(201);
    // An existing account's new membership is pending until its owner accepts it.
    await post(collector, `/v1/me/invitations/${padua.id}/accept`).expect(204);
  });
  afterAll(() => api.close());

  it("puts a due reminder in the collector's inbox, naming the city, indicator and assignment", async () => {
    expect(await inbox(collector)).toEqual([]);
    const me = (await get(collector, '/v1/me').expect(200)).body as {
      memberships: { city: string; organisationId: string }[];
    };
    const ghentOrganisation = me.memberships.find((m) => m.city === ghent.slug)!.organisationId;
    ghentWork = await assignWork(ghent, coordinator, ghentOrganisation, '2031-05');

    const notice = await noticeFor(ghentWork);
    expect(notice).toEqual({
      id: expect.any(String),
      city: ghent.slug,
      kind: 'reminder.upcoming',
      data: expect.objectContaining({
        citySlug: ghent.slug,
        cityName: 'Ghent',
        indicatorCode: ghentWork.indicatorCode,
        periodCode: '2031-05',
        link: `${api.config.notifications.appUrl}/cities/${ghent.slug}/assignments/${ghentWork.assignmentId}`,
      }),
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(Date.now() - Date.parse(notice.createdAt)).toBeLessThan(60_000);
    // The reminder went to the collector only: the coordinator is told of overdue work, not upcoming.
    expect(await inbox(coordinator)).toEqual([]);
  });

  it('shows one inbox across cities, newest first, paged with limit and a before cursor', async () => {
    const me = (await get(collector, '/v1/me').expect(200)).body as {
      memberships: { city: string; organisationId: string }[];
    };
    const paduaOrganisation = me.memberships.find((m) => m.city === padua.slug)!.organisationId;
    paduaWork = await assignWork(padua, paduaCoordinator, paduaOrganisation, '2031-06');
    const paduan = await noticeFor(paduaWork);
    expect(paduan).toEqual(expect.objectContaining({ city: padua.slug, kind: 'reminder.upcoming' }));

    const all = await inbox(collector);
    expect(all.map((n) => n.city)).toEqual([padua.slug, ghent.slug]);
    const [newest, older] = all;
    expect(Date.parse(newest.createdAt)).toBeGreaterThanOrEqual(Date.parse(older.createdAt));

    const first = await get(collector, '/v1/me/notifications?limit=1').expect(200);
    expect(first.body).toEqual([newest]);
    expect(first.headers.link).toBe(`</v1/me/notifications?limit=1&before=${newest.id}>; rel="next"`);
    const second = await get(collector, `/v1/me/notifications?limit=1&before=${newest.id}`).expect(200);
    expect(second.body).toEqual([older]);
    expect(second.headers.link).toBeUndefined();
    expect(await inbox(collector, `?before=${older.id}`)).toEqual([]);

    for (const query of ['?limit=0', '?limit=101', '?limit=ten', '?unread=yes', '?before=yesterday']) {
      const problem = expectProblem(await get(collector, `/v1/me/notifications${query}`), 400);
      expect(new Set(problem.errors.map((e) => e.field))).toEqual(new Set([query.slice(1).split('=')[0]]));
    }
    // Someone else's notice is no cursor of yours.
    expectProblem(
      await get(coordinator, `/v1/me/notifications?before=${newest.id}`),
      400,
      'NOTICE.INVALID_CURSOR',
    );
    expectProblem(await api.http.get('/v1/me/notifications'), 401);
  });

  it('marks a notice read (idempotently), filters unread ones, and marks all read', async () => {
    const [paduan, ghentish] = await inbox(collector);
    const read = await post(collector, `/v1/me/notifications/${ghentish.id}/read`).expect(200);
    expect(read.body).toEqual({ id: ghentish.id, readAt: expect.any(String) });
    const again = await post(collector, `/v1/me/notifications/${ghentish.id}/read`).expect(200);
    expect(again.body).toEqual(read.body);

    expect((await inbox(collector, '?unread=true')).map((n) => n.id)).toEqual([paduan.id]);
    expect((await inbox(collector, '?unread=false')).map((n) => n.id)).toEqual([paduan.id, ghentish.id]);
    expect((await inbox(collector)).find((n) => n.id === ghentish.id)?.readAt).toBe(read.body.readAt);

    const all = await post(collector, '/v1/me/notifications/read-all').expect(200);
    expect(all.body).toEqual({ marked: 1, readAt: expect.any(String) });
    expect(await inbox(collector, '?unread=true')).toEqual([]);
    expect((await post(collector, '/v1/me/notifications/read-all').expect(200)).body.marked).toBe(0);
    // The earlier read instant is kept.
    expect((await inbox(collector)).find((n) => n.id === ghentish.id)?.readAt).toBe(read.body.readAt);
  });

  it("keeps a person's notices to them: others can neither list nor mark them (404)", async () => {
    const [notice] = await inbox(collector);
    for (const other of [coordinator, paduaCoordinator]) {
      expect((await inbox(other)).map((n) => n.id)).not.toContain(notice.id);
      expectProblem(await post(other, `/v1/me/notifications/${notice.id}/read`), 404, 'NOTICE.NOT_FOUND');
    }
    expectProblem(
      await post(collector, `/v1/me/notifications/${randomUUID()}/read`),
      404,
      'NOTICE.NOT_FOUND',
    );
    const malformed = expectProblem(await post(collector, '/v1/me/notifications/not-a-uuid/read'), 400);
    expect(malformed.errors.map((e) => e.field)).toEqual(['id']);
    expectProblem(await api.http.post(`/v1/me/notifications/${notice.id}/read`), 401);

    // The database itself refuses: as the application role, under another person's app.user_id (and no
    // city), the row is neither visible nor updatable, whatever the query says.
    const db = api.app.get(TenantDb);
    const probe = (userId: string) =>
      db.asUser(asUserId(userId), async (em) => ({
        seen: (await em.query<unknown[]>(`SELECT id FROM notices WHERE id = $1`, [notice.id])).length,
        marked: (
          await em.query<unknown[]>(
            `WITH m AS (UPDATE notices SET read_at = read_at WHERE id = $1 RETURNING id) SELECT id FROM m`,
            [notice.id],
          )
        ).length,
      }));
    expect(await probe(coordinator.user.id)).toEqual({ seen: 0, marked: 0 });
    expect(await probe(collector.user.id)).toEqual({ seen: 1, marked: 1 });
  });

  it('reads and replaces notification preferences, checking the time zone', async () => {
    const path = '/v1/me/notification-preferences';
    expect((await get(coordinator, path).expect(200)).body).toEqual({
      email: true,
      inApp: true,
      digest: false,
      timezone: null,
    });
    const chosen = { email: false, inApp: true, digest: true, timezone: 'Europe/Rome' };
    expect((await put(coordinator, path).send(chosen).expect(200)).body).toEqual(chosen);
    expect((await get(coordinator, path).expect(200)).body).toEqual(chosen);
    // Someone else's settings are untouched.
    expect((await get(collector, path).expect(200)).body.timezone).toBeNull();

    for (const timezone of ['Mars/Olympus_Mons', '', 'Europe/Brussels; DROP TABLE users', 42]) {
      const problem = expectProblem(await put(coordinator, path).send({ ...chosen, timezone }), 400);
      expect(new Set(problem.errors.map((e) => e.field))).toEqual(new Set(['timezone']));
    }
    const partial = expectProblem(await put(coordinator, path).send({ email: true }), 400);
    expect(new Set(partial.errors.map((e) => e.field))).toEqual(new Set(['inApp', 'digest', 'timezone']));
    expectProblem(await put(coordinator, path).send({ ...chosen, sms: true }), 400);

    // Stored under the zone's canonical name; null goes back to each city's own zone.
    expect(
      (
        await put(coordinator, path)
          .send({ ...chosen, timezone: 'utc' })
          .expect(200)
      ).body.timezone,
    ).toBe('UTC');
    expect(
      (
        await put(coordinator, path)
          .send({ ...chosen, timezone: null })
          .expect(200)
      ).body.timezone,
    ).toBeNull();
    expect((await get(coordinator, path).expect(200)).body).toEqual({ ...chosen, timezone: null });
  });

  it("serves the city's reminder policy: the defaults, then a coordinator's, read back with minPosition", async () => {
    const path = cityPath(ghent, 'reminder-policy');
    const initial = await get(collector, path).expect(200);
    expect(initial.body).toEqual({ ...DEFAULT_REMINDER_POLICY, version: 0, isDefault: true });
    expect(initial.headers.etag).toBe('"0"');

    const policy = {
      offsets: [{ offset: '-P2DT12H' }, { offset: 'P0D', at: '08:30' }, { offset: 'P2D', escalate: true }],
      quietHours: { start: '22:00', end: '06:30' },
    };
    expectProblem(await put(collector, path).send(policy), 403, 'AUTH.ROLE_NOT_ALLOWED');
    expectProblem(await put(paduaCoordinator, path).send(policy), 404);

    const changed = await put(coordinator, path).set('If-Match', '0').send(policy).expect(200);
    expect(changed.body).toEqual({ version: 1, position: expect.any(Number) });
    const read = await get(collector, `${path}?minPosition=${changed.body.position}`).expect(200);
    expect(read.body).toEqual({ ...policy, version: 1, isDefault: false });
    expect(read.headers.etag).toBe('"1"');

    // A stale If-Match conflicts; the same policy again records nothing; none at all replaces it.
    const stale = expectProblem(
      await put(coordinator, path).set('If-Match', '0').send(policy),
      409,
      'REMINDER_POLICY.VERSION_CONFLICT',
    );
    expect(stale).toEqual(expect.objectContaining({ currentVersion: 1 }));
    expect((await put(coordinator, path).send(policy).expect(200)).body).toEqual(changed.body);
    const unconditional = { ...policy, quietHours: null };
    const replaced = await put(coordinator, path).send(unconditional).expect(200);
    expect(replaced.body).toEqual({ version: 2, position: expect.any(Number) });
    expect(
      (await get(coordinator, `${path}?minPosition=${replaced.body.position}`).expect(200)).body,
    ).toEqual({ ...unconditional, version: 2, isDefault: false });

    // Every version is in the city's audit log.
    const stream = await get(
      coordinator,
      cityPath(ghent, `audit/streams/reminder-policy-${ghent.id}`),
    ).expect(200);
    expect(stream.body.events.map((e: { type: string; data: unknown }) => [e.type, e.data])).toEqual([
      ['ReminderPolicyChanged', policy],
      ['ReminderPolicyChanged', unconditional],
    ]);
    // Padua still has the defaults.
    expect((await get(paduaCoordinator, cityPath(padua, 'reminder-policy')).expect(200)).body.isDefault).toBe(
      true,
    );
  });

  it('reschedules reminders under the new policy: its 60-hours-before reminder, already due, fires', async () => {
    // Ghent's work is due 51 hours after it was assigned, so '-P2DT12H' fell due 9 hours before that.
    const reminders = await eventually('a second reminder about the Ghent work', async () => {
      const mine = (await inbox(collector)).filter((n) => n.data.indicatorCode === ghentWork.indicatorCode);
      return mine.length === 2 ? mine : undefined;
    });
    expect(reminders.map((n) => [n.kind, n.readAt])).toEqual([
      ['reminder.upcoming', null],
      ['reminder.upcoming', expect.any(String)],
    ]);
  });

  it('refuses malformed or meaningless policies, naming the field', async () => {
    const path = cityPath(ghent, 'reminder-policy');
    const fieldsOf = async (body: unknown, status: number) =>
      expectProblem(await put(coordinator, path).send(body as object), status).errors.map((e) => e.field);

    expect(await fieldsOf({ offsets: [{ offset: 'three days' }], quietHours: null }, 422)).toEqual([
      'offsets[0].offset',
    ]);
    expect(
      await fieldsOf({ offsets: [{ offset: '-P1D' }], quietHours: { start: '25:00', end: '07:00' } }, 422),
    ).toEqual(['quietHours.start']);
    expect(await fieldsOf({ offsets: [{ offset: '-P1D', at: '9am' }], quietHours: null }, 422)).toEqual([
      'offsets[0].at',
    ]);
    expect(await fieldsOf({ offsets: [{ offset: '-P1D', escalate: true }], quietHours: null }, 422)).toEqual([
      'offsets[0].escalate',
    ]);
    expect(await fieldsOf({ offsets: [], quietHours: null }, 422)).toEqual(['offsets']);

    const tooMany = Array.from({ length: 21 }, (_, i) => ({ offset: `-P${i + 1}D` }));
    expect(await fieldsOf({ offsets: tooMany, quietHours: null }, 400)).toEqual(['offsets']);
    expect(await fieldsOf({ offsets: [{ offset: '-P1D' }] }, 400)).toContain('quietHours');
    expect(await fieldsOf({ offsets: 'weekly', quietHours: null }, 400)).toContain('offsets');
    expect(new Set(await fieldsOf({ offsets: [{ offset: 3 }], quietHours: null }, 400))).toEqual(
      new Set(['offsets.0.offset']),
    );
    expect(await fieldsOf({ offsets: [{ offset: '-P1D', sms: true }], quietHours: null }, 400)).toEqual([
      'offsets.0.sms',
    ]);
    expectProblem(
      await put(coordinator, path)
        .set('If-Match', 'latest')
        .send({ offsets: [{ offset: '-P1D' }], quietHours: null }),
      400,
      'REQUEST.INVALID_IF_MATCH',
    );
    // Nothing of this was recorded.
    expect((await get(coordinator, path).expect(200)).body.version).toBe(2);
  });

  it("drops a city's notices from the inbox of a member who left it", async () => {
    const paduan = (await inbox(collector)).find((n) => n.city === padua.slug)!;
    await api.http
      .patch(cityPath(padua, `members/${collector.user.id}`))
      .auth(paduaCoordinator.accessToken, { type: 'bearer' })
      .send({ active: false })
      .expect(200);
    const left = await inbox(collector);
    expect(left.map((n) => n.city)).not.toContain(padua.slug);
    expect(left.length).toBeGreaterThan(0);
    expectProblem(await post(collector, `/v1/me/notifications/${paduan.id}/read`), 404, 'NOTICE.NOT_FOUND');
  });

  it('documents the routes under the notifications tag', async () => {
    const document = (await api.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const routes = [
      ['/v1/me/notifications', 'get'],
      ['/v1/me/notifications/{id}/read', 'post'],
      ['/v1/me/notifications/read-all', 'post'],
      ['/v1/me/notification-preferences', 'get'],
      ['/v1/me/notification-preferences', 'put'],
      ['/v1/cities/{city}/reminder-policy', 'get'],
      ['/v1/cities/{city}/reminder-policy', 'put'],
    ];
    for (const [route, method] of routes)
      expect(document.paths[route]?.[method]?.tags).toEqual(['notifications']);
  });
});
