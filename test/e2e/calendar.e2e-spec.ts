import { randomUUID } from 'node:crypto';
import * as ical from 'node-ical';
import request from 'supertest';
import {
  ApiHarness,
  cityClient,
  EARLY_SCHOOL_LEAVERS,
  expectProblem,
  fixtures,
  Session,
  sleep,
  suiteQueues,
  TestCity,
  twoCities,
} from '../support';

interface FeedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string;
  start: string;
  end: string;
}

// node-ical keeps a property's parameters (URL;VALUE=URI:…) next to its value.
const plain = (value: unknown): string =>
  typeof value === 'string' ? value : ((value as { val: string } | undefined)?.val ?? '');

// The VEVENTs of a feed, as a calendar app would read them, in deadline order.
function eventsOf(text: string): FeedEvent[] {
  return Object.values(ical.sync.parseICS(text))
    .filter((c): c is ical.VEvent => c?.type === 'VEVENT')
    .map((e) => ({
      uid: e.uid,
      summary: plain(e.summary),
      description: plain(e.description),
      url: plain(e.url),
      start: new Date(e.start).toISOString(),
      end: new Date(e.end ?? e.start).toISOString(),
    }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.summary.localeCompare(b.summary));
}

describe('Calendar feeds: deadlines behind a secret link', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: TestCity;
  let padua: TestCity;
  let coordinator: Session;
  let official: Session;
  let collector: Session;
  let paduaCoordinator: Session;
  let ours: string;
  let theirs: string;
  const indicators: { id: string; code: string }[] = [];
  const periods: Record<string, { id: string; deadline: string }> = {};
  const assignments: { id: string; organisationId: string; period: string; indicator: number }[] = [];

  const cityPath = (city: TestCity, resource: string) => `/v1/cities/${city.slug}/${resource}`;
  const post = (session: Session, path: string) =>
    api.http.post(path).auth(session.accessToken, { type: 'bearer' });
  const pathOf = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  };
  const issue = async (session: Session, city = ghent): Promise<string> => {
    const res = await post(session, cityPath(city, 'calendar/token')).expect(201);
    expect(res.body).toEqual({ url: expect.any(String) });
    return res.body.url as string;
  };
  // Fetched the way a calendar app does: no Authorization header, only the link.
  const fetchFeed = (url: string): request.Test => api.http.get(pathOf(url));
  const feedOf = async (url: string, expectedEvents: number): Promise<FeedEvent[]> => {
    // The feed reads the reminder engine's projection of assignments: it may lag a moment behind.
    const until = Date.now() + 15_000;
    for (;;) {
      const res = await fetchFeed(url).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const events = eventsOf(res.text);
      if (events.length >= expectedEvents || Date.now() > until) return events;
      await sleep(200);
    }
  };

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator(suiteQueues('calendar')));
    ({ ghent, padua, coordinator, paduaCoordinator } = await twoCities(api, operator));
    official = await api.member(operator, ghent, 'official');
    const ghentAdmin = cityClient(api, ghent, coordinator);
    ours = await fixtures.organisation(ghentAdmin, { name: 'Youth Rights Network' });
    theirs = await fixtures.organisation(ghentAdmin, { name: 'Housing Action' });
    collector = await api.member(operator, ghent, 'collector', { organisationId: ours });

    for (const [code, name] of [
      [`EDU-${randomUUID().slice(0, 4)}`, 'Early school leavers'],
      [`HOU-${randomUUID().slice(0, 4)}`, 'Evictions'],
    ]) {
      indicators.push(await fixtures.indicator(ghentAdmin, { ...EARLY_SCHOOL_LEAVERS, code, name }));
    }
    for (const [code, deadline] of [
      ['2030', '2031-01-31T17:00:00+01:00'],
      ['2030-Q1', '2030-04-30'],
    ]) {
      const res = await post(coordinator, cityPath(ghent, 'periods')).send({ code, deadline }).expect(201);
      periods[code] = { id: res.body.id as string, deadline: res.body.deadline as string };
    }
    for (const [indicator, organisationId, period] of [
      [0, ours, '2030'],
      [1, ours, '2030-Q1'],
      [0, theirs, '2030'],
    ] as const) {
      const id = await fixtures.assignment(ghentAdmin, {
        indicatorId: indicators[indicator].id,
        organisationId,
        periodId: periods[period].id,
      });
      assignments.push({ id, organisationId, period, indicator });
    }
  });
  afterAll(() => api.close());

  it("issues a member a link on the API's public URL", async () => {
    const url = await issue(collector);
    expect(url).toMatch(
      new RegExp(
        `^${api.config.publicUrl.replace(/\/$/, '')}/v1/cities/${ghent.slug}/calendar\\.ics\\?token=[\\w-]{43}$`,
      ),
    );
    expectProblem(await api.http.post(cityPath(ghent, 'calendar/token')), 401);
    // Not a member of Ghent: no link to its deadlines.
    expectProblem(await post(paduaCoordinator, cityPath(ghent, 'calendar/token')), 404);
  });

  it("shows a collector their organisation's open assignments, due at the period deadline", async () => {
    const url = await issue(collector);
    const res = await fetchFeed(url).expect(200);
    expect(res.headers['content-disposition']).toBe(`inline; filename="${ghent.slug}-deadlines.ics"`);
    expect(res.text).toMatch(/^BEGIN:VCALENDAR/);

    const events = await feedOf(url, 2);
    const mine = assignments.filter((a) => a.organisationId === ours);
    expect(events).toEqual(
      mine
        .map((a) => ({
          uid: `assignment-${a.id}@rights-ledger`,
          summary: `${indicators[a.indicator].code} · ${a.period} due`,
          description: expect.stringContaining(`Organisation: Youth Rights Network`),
          url: `${api.config.notifications.appUrl}/cities/${ghent.slug}/assignments/${a.id}`,
          start: new Date(periods[a.period].deadline).toISOString(),
          end: new Date(periods[a.period].deadline).toISOString(),
        }))
        .sort((a, b) => a.start.localeCompare(b.start)),
    );
    expect(events[1].start).toBe('2031-01-31T16:00:00.000Z');
    expect(events[1].description).toContain(`Indicator: ${indicators[0].code} – Early school leavers`);
    expect(events[1].description).toContain('2031-01-31 17:00 (Europe/Brussels)');
    // Another organisation's work is not in it.
    const theirAssignment = assignments.find((a) => a.organisationId === theirs)!;
    expect(events.map((e) => e.uid)).not.toContain(`assignment-${theirAssignment.id}@rights-ledger`);
  });

  it("shows other roles the city's reporting deadlines with the open assignments", async () => {
    for (const member of [coordinator, official]) {
      const events = await feedOf(await issue(member), 2);
      expect(events).toEqual([
        {
          uid: `period-${periods['2030-Q1'].id}@rights-ledger`,
          summary: 'Reporting deadline 2030-Q1',
          description: expect.stringContaining('1 open assignment (of 1 assigned)'),
          url: `${api.config.notifications.appUrl}/cities/${ghent.slug}/periods/${periods['2030-Q1'].id}`,
          start: new Date(periods['2030-Q1'].deadline).toISOString(),
          end: new Date(periods['2030-Q1'].deadline).toISOString(),
        },
        {
          uid: `period-${periods['2030'].id}@rights-ledger`,
          summary: 'Reporting deadline 2030',
          description: expect.stringContaining('2 open assignments (of 2 assigned)'),
          url: `${api.config.notifications.appUrl}/cities/${ghent.slug}/periods/${periods['2030'].id}`,
          start: '2031-01-31T16:00:00.000Z',
          end: '2031-01-31T16:00:00.000Z',
        },
      ]);
    }
  });

  it('answers 404 (and reveals nothing) for a missing, wrong or malformed token', async () => {
    const base = cityPath(ghent, 'calendar.ics');
    for (const query of ['', '?token=', `?token=${'A'.repeat(43)}`, '?token=short']) {
      expectProblem(await api.http.get(`${base}${query}`), 404, 'CALENDAR.NOT_FOUND');
    }
    // NUL characters are refused for every route before any lookup.
    expectProblem(await api.http.get(`${base}?token=${'%00'.repeat(43)}`), 400, 'REQUEST.INVALID');
    const url = await issue(coordinator);
    const token = new URL(url).searchParams.get('token')!;
    expectProblem(
      await api.http.get(`/v1/cities/no-such-city/calendar.ics?token=${token}`),
      404,
      'CALENDAR.NOT_FOUND',
    );
  });

  it('revokes the old link when a new one is issued, and on request', async () => {
    const first = await issue(official);
    await fetchFeed(first).expect(200);
    const second = await issue(official);
    expect(second).not.toBe(first);
    expectProblem(await fetchFeed(first), 404, 'CALENDAR.NOT_FOUND');
    await fetchFeed(second).expect(200);
    // Another member's new link leaves this one alone.
    await issue(coordinator);
    await fetchFeed(second).expect(200);

    await api.http
      .delete(cityPath(ghent, 'calendar/token'))
      .auth(official.accessToken, { type: 'bearer' })
      .expect(204);
    expectProblem(await fetchFeed(second), 404, 'CALENDAR.NOT_FOUND');
  });

  it("does not open Ghent's feed with a Padua member's token", async () => {
    const paduan = await issue(paduaCoordinator, padua);
    const token = new URL(paduan).searchParams.get('token')!;
    const own = await fetchFeed(paduan).expect(200);
    expect(eventsOf(own.text)).toEqual([]);
    expectProblem(
      await api.http.get(`${cityPath(ghent, 'calendar.ics')}?token=${token}`),
      404,
      'CALENDAR.NOT_FOUND',
    );
  });

  it('stops serving a member who left the city', async () => {
    const url = await issue(collector);
    await fetchFeed(url).expect(200);
    await api.http
      .patch(cityPath(ghent, `members/${collector.user.id}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ active: false })
      .expect(200);
    expectProblem(await fetchFeed(url), 404, 'CALENDAR.NOT_FOUND');
  });

  it('documents the calendar routes under the notifications tag', async () => {
    const document = (await api.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { tags?: string[]; security?: unknown }>>;
    };
    expect(document.paths['/v1/cities/{city}/calendar.ics']?.get?.tags).toEqual(['notifications']);
    expect(document.paths['/v1/cities/{city}/calendar/token']?.post?.tags).toEqual(['notifications']);
    expect(document.paths['/v1/cities/{city}/calendar/token']?.delete?.tags).toEqual(['notifications']);
  });
});
