import { randomUUID } from 'node:crypto';
import * as ical from 'node-ical';
import { ApiHarness, CityWithPeople, cityWithPeople, expectProblem, fixtures, Session } from '../support';

interface Entry {
  kind: string;
  id: string;
  title: string;
  at: string;
  organisationIds: string[];
}

// The next page's path from a Link header, as a client follows it.
const nextOf = (link: string | undefined) => /<([^>]+)>; rel="next"/.exec(link ?? '')?.[1];

describe('Timeline: one list of the dated work of a city', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let otherOrganisationId: string;
  let position: number;
  const periods: { id: string; code: string; deadline: string }[] = [];

  beforeAll(async () => {
    api = await ApiHarness.start();
    operator = await api.operator();
    [ghent, padua] = await Promise.all([
      cityWithPeople(api, operator, 'Ghent'),
      cityWithPeople(api, operator, 'Padua'),
    ]);
    const coordinator = ghent.as(ghent.coordinator);
    otherOrganisationId = await fixtures.organisation(coordinator);
    const indicator = await fixtures.indicator(coordinator, { status: 'active' });
    for (const [code, deadline] of [
      ['2031', '2032-01-31'],
      ['2030', '2031-01-31'],
      ['2032', '2033-01-31'],
    ]) {
      const res = await coordinator.post('periods').send({ code, deadline }).expect(201);
      periods.push({ id: res.body.id, code, deadline: res.body.deadline });
    }
    // Only 2030 and 2032 give the collector's organisation work; 2031 goes to another organisation.
    for (const [period, organisationId] of [
      [periods[1], ghent.organisationId],
      [periods[2], ghent.organisationId],
      [periods[0], otherOrganisationId],
    ] as const) {
      const res = await coordinator
        .post('assignments')
        .send({ indicatorId: indicator.id, organisationId, periodId: period.id })
        .expect(201);
      position = res.body.position;
    }
  });
  afterAll(() => api.close());

  const deadlinesOf = (entries: Entry[]) =>
    entries.filter((e) => periods.some((p) => p.id === e.id)).map((e) => e.title);

  it('lists the reporting deadlines in time order for any member', async () => {
    for (const member of [ghent.observer, ghent.collector, ghent.coordinator]) {
      const res = await ghent.as(member).get(`timeline?minPosition=${position}`).expect(200);
      expect(deadlinesOf(res.body)).toEqual([
        'Reporting deadline 2030',
        'Reporting deadline 2031',
        'Reporting deadline 2032',
      ]);
    }
    const res = await ghent.as(ghent.official).get('timeline?kind=period-deadline').expect(200);
    const first = (res.body as Entry[]).find((e) => e.id === periods[1].id);
    expect(first).toEqual({
      kind: 'period-deadline',
      id: periods[1].id,
      title: 'Reporting deadline 2030',
      at: periods[1].deadline,
      endsAt: null,
      status: null,
      organisationIds: [ghent.organisationId],
    });
  });

  it('shows an organisation only the deadlines it has work for', async () => {
    const mine = await ghent
      .as(ghent.collector)
      .get(`timeline?organisationId=${ghent.organisationId}`)
      .expect(200);
    expect(deadlinesOf(mine.body)).toEqual(['Reporting deadline 2030', 'Reporting deadline 2032']);
    const theirs = await ghent
      .as(ghent.collector)
      .get(`timeline?organisationId=${otherOrganisationId}`)
      .expect(200);
    expect(deadlinesOf(theirs.body)).toEqual(['Reporting deadline 2031']);
  });

  it('narrows to an instant range', async () => {
    const res = await ghent
      .as(ghent.official)
      .get('timeline?from=2031-06-01T00:00:00Z&to=2033-01-01T00:00:00Z')
      .expect(200);
    expect(deadlinesOf(res.body)).toEqual(['Reporting deadline 2031']);
  });

  it('pages by a cursor in the Link header without skipping or repeating an entry', async () => {
    const seen: string[] = [];
    let path: string | undefined = `/v1/cities/${ghent.city.slug}/timeline?limit=1`;
    while (path) {
      const res = await api.http.get(path).auth(ghent.official.accessToken, { type: 'bearer' }).expect(200);
      expect(res.body.length).toBeLessThanOrEqual(1);
      seen.push(...(res.body as Entry[]).map((e) => e.id));
      path = nextOf(res.headers.link);
    }
    const all = await ghent.as(ghent.official).get('timeline').expect(200);
    expect(seen).toEqual((all.body as Entry[]).map((e) => e.id));
    expect(seen).toHaveLength(3);
  });

  it("merges tasks and meetings in, and puts those of the collector's organisation in their calendar", async () => {
    const coordinator = ghent.as(ghent.coordinator);
    // Whole seconds: an iCalendar instant has no milliseconds.
    const due = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * 60_000).toISOString();
    const task = await coordinator
      .post('tasks')
      .send({ title: 'Send the shelter figures', assigneeOrganisationId: ghent.organisationId, due })
      .expect(201);
    const elsewhere = await coordinator
      .post('tasks')
      .send({ title: 'Not ours', assigneeOrganisationId: otherOrganisationId, due })
      .expect(201);
    const startsAt = new Date(Date.parse(due) + 86_400_000).toISOString();
    const endsAt = new Date(Date.parse(due) + 86_400_000 + 7_200_000).toISOString();
    const meeting = await coordinator
      .post('meetings')
      .send({
        title: 'Operational meeting',
        kind: 'operational',
        startsAt,
        endsAt,
        agenda: [{ title: 'Tasks', durationMinutes: 30 }],
        invitedOrganisationIds: [ghent.organisationId],
      })
      .expect(201);

    const res = await ghent
      .as(ghent.collector)
      .get(
        `timeline?organisationId=${ghent.organisationId}&kind=task-due,meeting&minPosition=${meeting.body.position}`,
      )
      .expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({ kind: 'task-due', id: task.body.id, at: due, status: 'open' }),
      expect.objectContaining({ kind: 'meeting', id: meeting.body.id, at: startsAt, endsAt }),
    ]);
    expect((res.body as Entry[]).map((e) => e.id)).not.toContain(elsewhere.body.id);

    const link = await ghent.as(ghent.collector).post('calendar/token').expect(201);
    const url = new URL(link.body.url as string);
    const feed = await api.http.get(`${url.pathname}${url.search}`).expect(200);
    const events = Object.values(ical.sync.parseICS(feed.text)).filter(
      (c): c is ical.VEvent => c?.type === 'VEVENT',
    );
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.get(`task-${task.body.id}@rights-ledger`)?.start.toISOString()).toBe(due);
    expect(byUid.get(`meeting-${meeting.body.id}@rights-ledger`)?.end?.toISOString()).toBe(endsAt);
    expect(byUid.has(`task-${elsewhere.body.id}@rights-ledger`)).toBe(false);
  });

  it('refuses a bad filter or cursor naming the parameter', async () => {
    const client = ghent.as(ghent.official);
    expect(expectProblem(await client.get('timeline?kind=birthday'), 400).errors[0].field).toBe('kind');
    expect(expectProblem(await client.get('timeline?organisationId=nope'), 400).errors[0].field).toBe(
      'organisationId',
    );
    expect(expectProblem(await client.get('timeline?from=yesterday'), 400).errors[0].field).toBe('from');
    const forged = Buffer.from(JSON.stringify([1e17, 'meeting', randomUUID()])).toString('base64url');
    expectProblem(await client.get(`timeline?after=${forged}`), 400, 'REQUEST.INVALID_CURSOR');
  });

  it("shows another city nothing of Ghent's and hides Ghent from non-members", async () => {
    const res = await padua.as(padua.coordinator).get('timeline').expect(200);
    expect(res.body).toEqual([]);
    expectProblem(
      await api.http
        .get(`/v1/cities/${ghent.city.slug}/timeline`)
        .auth(padua.coordinator.accessToken, { type: 'bearer' }),
      404,
    );
    expectProblem(await api.http.get(`/v1/cities/${ghent.city.slug}/timeline`), 401);
  });
});
