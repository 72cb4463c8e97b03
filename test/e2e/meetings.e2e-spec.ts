import { asCityId } from '@rl/kernel';
import { MeetingTimelineSource } from '@rl/meetings';
import { TenantDb } from '@rl/persistence';
import {
  ApiHarness,
  CityClient,
  cityWithPeople,
  CityWithPeople,
  eventually,
  expectProblem,
  fixtures,
  Session,
} from '../support';

interface Meeting {
  id: string;
  title: string;
  status: string;
  startsAt: string;
  version: number;
  agenda: { title: string; durationMinutes: number | null; links: { kind: string; id: string }[] }[];
  attendance: { total: number; byOrganisationKind: Record<string, number> };
  minutes: { revision: number; text: string; visibility: string } | null;
  minutesHistory: { revision: number; text: string }[];
  decisions: { id: string; text: string; links: { kind: string; id: string }[] }[];
}
interface Notice {
  kind: string;
  data: { meetingTitle?: string; link: string; deadline?: string; reason?: string };
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('Meetings (agenda, attendance, minutes, decisions, invitations)', () => {
  let api: ApiHarness;
  let ghent: CityWithPeople;
  let padua: CityWithPeople;
  let coordinator: CityClient;
  let official: CityClient;
  let indicatorId: string;
  let periodId: string;
  let termId: string;
  let paduaIndicatorId: string;
  let academicId: string;

  beforeAll(async () => {
    let operator: Session;
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await cityWithPeople(api, operator, 'Ghent', { kind: 'cso' });
    padua = await cityWithPeople(api, operator, 'Padua');
    coordinator = ghent.as(ghent.coordinator);
    official = ghent.as(ghent.official);
    ({ id: indicatorId } = await fixtures.indicator(coordinator));
    periodId = await fixtures.period(coordinator, '2025');
    academicId = await fixtures.organisation(coordinator, { kind: 'academic' });
    const term = await coordinator
      .post('glossary/terms')
      .send({ prefLabel: { en: 'Participation' }, definition: { en: 'Taking part.' } })
      .expect(201);
    termId = term.body.id as string;
    ({ id: paduaIndicatorId } = await fixtures.indicator(padua.as(padua.coordinator)));
  });
  afterAll(() => api.close());

  // A results session that started an hour ago, lasting two hours.
  const resultsSession = (fields: Record<string, unknown> = {}) => ({
    title: 'Results session 2025',
    kind: 'results',
    startsAt: hoursFromNow(-1),
    endsAt: hoursFromNow(1),
    place: 'Stadhuis, Ghent',
    agenda: [
      { title: 'Values of 2025', durationMinutes: 60, links: [{ kind: 'indicator', id: indicatorId }] },
      { title: 'Interpretation', durationMinutes: 45 },
    ],
    periodId,
    indicatorIds: [indicatorId],
    ...fields,
  });
  const read = async (client: CityClient, id: string, position: number): Promise<Meeting> =>
    (await client.get(`meetings/${id}?minPosition=${position}`).expect(200)).body as Meeting;

  it('coordinators and officials schedule; collectors and observers may not; members read', async () => {
    const created = await coordinator.post('meetings').send(resultsSession()).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    await official
      .post('meetings')
      .send(resultsSession({ kind: 'operational', periodId: undefined, indicatorIds: undefined }))
      .expect(201);
    for (const session of [ghent.collector, ghent.observer]) {
      expectProblem(await ghent.as(session).post('meetings').send(resultsSession()), 403);
    }
    const meeting = await read(
      ghent.as(ghent.observer),
      created.body.id as string,
      created.body.position as number,
    );
    expect(meeting).toMatchObject({
      title: 'Results session 2025',
      status: 'scheduled',
      agenda: [
        { title: 'Values of 2025', durationMinutes: 60, links: [{ kind: 'indicator', id: indicatorId }] },
        { title: 'Interpretation', durationMinutes: 45, links: [] },
      ],
      attendance: { total: 0 },
      minutes: null,
      decisions: [],
    });
    const list = await ghent.as(ghent.researcher).get('meetings?kind=results&limit=1').expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: created.body.id, kind: 'results' })]);
  });

  it('refuses an agenda longer than the meeting and a link to another city, naming the field', async () => {
    const tooLong = await coordinator
      .post('meetings')
      .send(resultsSession({ agenda: [{ title: 'Everything', durationMinutes: 121 }] }));
    expect(expectProblem(tooLong, 422, 'MEETING.AGENDA_TOO_LONG').errors).toEqual([
      expect.objectContaining({ field: 'agenda' }),
    ]);
    const elsewhere = await coordinator
      .post('meetings')
      .send(resultsSession({ indicatorIds: [paduaIndicatorId] }));
    expect(expectProblem(elsewhere, 422, 'MEETING.UNKNOWN_REFERENCE').errors).toEqual([
      { field: 'indicatorIds[0]', message: 'is not an indicator of this city' },
    ]);
    expectProblem(
      await coordinator.post('meetings').send(resultsSession({ online: 'ftp://example.org/x' })),
      422,
      'MEETING.INVALID_URL',
    );
    expectProblem(
      await coordinator.post('meetings').send(resultsSession({ endsAt: hoursFromNow(-2) })),
      422,
      'MEETING.INVALID_TIME',
    );
  });

  it('records attendance, revised minutes and decisions linked to an indicator and a term', async () => {
    const { id } = (await coordinator.post('meetings').send(resultsSession()).expect(201)).body as {
      id: string;
    };
    await official
      .post(`meetings/${id}/attendance`)
      .send({
        attendees: [
          { userId: ghent.collector.user.id, organisationId: ghent.organisationId },
          { organisationId: academicId },
          { userId: ghent.official.user.id },
        ],
      })
      .expect(200);
    await coordinator
      .post(`meetings/${id}/minutes`)
      .send({ text: 'Draft', visibility: 'internal' })
      .expect(200);
    await coordinator
      .post(`meetings/${id}/minutes`)
      .send({ text: 'Final minutes', visibility: 'public' })
      .expect(200);
    const decision = await official
      .post(`meetings/${id}/decisions`)
      .send({
        text: 'Use the adopted definition',
        links: [
          { kind: 'indicator', id: indicatorId },
          { kind: 'term', id: termId },
        ],
      })
      .expect(201);
    expect(decision.body).toEqual({
      id: expect.any(String),
      taskIds: [],
      version: 5,
      position: expect.any(Number),
    });
    const elsewhere = await official
      .post(`meetings/${id}/decisions`)
      .send({ text: 'X', links: [{ kind: 'indicator', id: paduaIndicatorId }] });
    expect(expectProblem(elsewhere, 422, 'MEETING.UNKNOWN_REFERENCE').errors).toEqual([
      { field: 'links[0].id', message: 'is not an indicator of this city' },
    ]);
    expectProblem(
      await ghent
        .as(ghent.collector)
        .post(`meetings/${id}/minutes`)
        .send({ text: 'x', visibility: 'internal' }),
      403,
    );

    const meeting = await read(ghent.as(ghent.researcher), id, decision.body.position as number);
    expect(meeting.attendance).toEqual(
      expect.objectContaining({
        total: 3,
        byOrganisationKind: {
          local_authority: 0,
          cso: 1,
          academic: 1,
          service_provider: 0,
          other: 0,
          none: 1,
        },
      }),
    );
    expect(meeting.minutes).toEqual(
      expect.objectContaining({ revision: 2, text: 'Final minutes', visibility: 'public' }),
    );
    expect(meeting.minutesHistory).toEqual([expect.objectContaining({ revision: 1, text: 'Draft' })]);
    expect(meeting.decisions).toEqual([
      expect.objectContaining({
        id: decision.body.id,
        links: [
          { kind: 'indicator', id: indicatorId },
          { kind: 'term', id: termId },
        ],
      }),
    ]);

    // Comments made in the session carry its id and can be listed by it.
    const comment = await ghent
      .as(ghent.collector)
      .post('comments')
      .send({ target: { kind: 'indicator', id: indicatorId }, body: 'The rise is seasonal', meetingId: id })
      .expect(201);
    const inMeeting = await ghent
      .as(ghent.observer)
      .get(`comments?meetingId=${id}&minPosition=${comment.body.position}`)
      .expect(200);
    expect(inMeeting.body).toEqual([expect.objectContaining({ id: comment.body.id, meetingId: id })]);
    const unknown = await ghent
      .as(ghent.collector)
      .post('comments')
      .send({ target: { kind: 'indicator', id: indicatorId }, body: 'x', meetingId: indicatorId });
    expectProblem(unknown, 422, 'COMMENT.UNKNOWN_MEETING');
  });

  it('creates the tasks a decision asks for, linked to it, once even when the request is retried', async () => {
    const { id } = (await coordinator.post('meetings').send(resultsSession()).expect(201)).body as {
      id: string;
    };
    const body = {
      text: 'Re-collect the district figures',
      links: [{ kind: 'indicator', id: indicatorId }],
      tasks: [
        {
          title: 'Re-collect district figures',
          assigneeOrganisationId: ghent.organisationId,
          due: '2031-03-31',
        },
        {
          title: 'Check the definition',
          assigneeUserId: ghent.official.user.id,
          due: '2031-04-30T10:00:00Z',
        },
      ],
    };
    const key = `decision-${id}`;
    const first = await official
      .post(`meetings/${id}/decisions`)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const again = await official
      .post(`meetings/${id}/decisions`)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(first.body.taskIds).toHaveLength(2);
    expect(again.body).toEqual(first.body);

    const [task] = (
      await ghent
        .as(ghent.collector)
        .get(`tasks?assigneeOrganisationId=${ghent.organisationId}&minPosition=${first.body.position}`)
        .expect(200)
    ).body as { id: string; title: string; links: { kind: string; id: string }[] }[];
    expect(task).toEqual(
      expect.objectContaining({
        id: first.body.taskIds[0],
        title: 'Re-collect district figures',
        links: [{ kind: 'meeting-decision', id: first.body.id }],
      }),
    );

    // A task the decision cannot create refuses the whole decision, naming the task's field.
    const bad = await official
      .post(`meetings/${id}/decisions`)
      .send({ ...body, tasks: [{ title: 'Whenever', due: 'someday' }] });
    expect(expectProblem(bad, 400).errors.map((e) => e.field)).toContain('tasks.0.due');
    const meeting = await read(ghent.as(ghent.observer), id, again.body.position as number);
    expect(meeting.decisions.map((d) => d.id)).toEqual([first.body.id]);
  });

  it('reschedules with If-Match (409 when stale), shows the past as of an instant, then cancels', async () => {
    const created = (await coordinator.post('meetings').send(resultsSession()).expect(201)).body as {
      id: string;
      position: number;
    };
    const before = new Date().toISOString();
    const moved = await official
      .patch(`meetings/${created.id}`)
      .set('If-Match', '1')
      .send({ title: 'Results session 2025 (moved)', startsAt: hoursFromNow(24), endsAt: hoursFromNow(26) })
      .expect(200);
    expect(moved.body).toEqual({ version: 3, position: expect.any(Number) });
    expectProblem(
      await official.patch(`meetings/${created.id}`).set('If-Match', '1').send({ title: 'Stale' }),
      409,
      'MEETING.VERSION_CONFLICT',
    );
    const past = await official.get(`meetings/${created.id}?asOf=${before}`).expect(200);
    expect(past.body).toMatchObject({ title: 'Results session 2025', version: 1 });
    const cancel = await official
      .patch(`meetings/${created.id}`)
      .set('If-Match', '3')
      .send({ status: 'cancelled', reason: 'Room unavailable' })
      .expect(200);
    const cancelled = await official
      .patch(`meetings/${created.id}`)
      .set('If-Match', '4')
      .send({ title: 'Again' });
    expectProblem(cancelled, 409, 'MEETING.CANCELLED');
    // Read at the cancellation's position: the read model may not have reached it yet.
    const meeting = await read(official, created.id, cancel.body.position as number);
    expect(meeting).toMatchObject({ status: 'cancelled', title: 'Results session 2025 (moved)' });
  });

  it("hides another city's meetings (404) and refuses another city's members", async () => {
    const { id } = (await coordinator.post('meetings').send(resultsSession()).expect(201)).body as {
      id: string;
    };
    const paduaCoordinator = padua.as(padua.coordinator);
    expectProblem(await paduaCoordinator.get(`meetings/${id}`), 404, 'MEETING.NOT_FOUND');
    expectProblem(
      await paduaCoordinator.post(`meetings/${id}/minutes`).send({ text: 'x', visibility: 'internal' }),
      404,
      'MEETING.NOT_FOUND',
    );
    expectProblem(
      await api.http
        .get(`/v1/cities/${ghent.city.slug}/meetings`)
        .auth(padua.coordinator.accessToken, { type: 'bearer' }),
      404,
    );
  });

  it('notifies each invited person once per meeting, then of its move and cancellation, and puts it on the timeline', async () => {
    const created = await coordinator
      .post('meetings')
      .send({
        title: 'Operational meeting',
        kind: 'operational',
        startsAt: hoursFromNow(48),
        endsAt: hoursFromNow(49),
        online: 'https://meet.example.org/ghent',
        agenda: [],
        invitedOrganisationIds: [ghent.organisationId],
        invitedUserIds: [ghent.researcher.user.id],
      })
      .expect(201);
    const id = created.body.id as string;
    // Changing the invitations again (the collector's organisation stays invited) sends no second notice.
    await coordinator
      .patch(`meetings/${id}`)
      .set('If-Match', '1')
      .send({ invitedUserIds: [ghent.researcher.user.id, ghent.official.user.id] })
      .expect(200);
    const noticesOf = async (session: Session, kind: string) => {
      const res = await api.http
        .get('/v1/me/notifications')
        .auth(session.accessToken, { type: 'bearer' })
        .expect(200);
      return (res.body as Notice[]).filter((n) => n.kind === kind && n.data.link.endsWith(id));
    };
    const invitations = (session: Session) => noticesOf(session, 'meeting.invited');
    for (const session of [ghent.collector, ghent.researcher, ghent.official]) {
      const notices = await eventually('the invitation notice', async () => {
        const found = await invitations(session);
        return found.length > 0 ? found : undefined;
      });
      expect(notices).toEqual([
        expect.objectContaining({ data: expect.objectContaining({ meetingTitle: 'Operational meeting' }) }),
      ]);
    }
    expect(await invitations(ghent.observer)).toEqual([]);
    expect(await invitations(ghent.coordinator)).toEqual([]);

    const source = api.app.get(MeetingTimelineSource);
    const entries = await api.app.get(TenantDb).inCity(asCityId(ghent.city.id), (em) =>
      source.entries(em, asCityId(ghent.city.id), {
        from: new Date(),
        organisationId: ghent.organisationId,
        limit: 50,
      }),
    );
    expect(entries.find((e) => e.id === id)).toEqual({
      kind: 'meeting',
      id,
      title: 'Operational meeting',
      at: expect.any(Date),
      endsAt: expect.any(Date),
      status: 'scheduled',
      organisationIds: [ghent.organisationId],
    });
    const other = await api.app.get(TenantDb).inCity(asCityId(ghent.city.id), (em) =>
      source.entries(em, asCityId(ghent.city.id), {
        from: new Date(),
        organisationId: academicId,
        limit: 50,
      }),
    );
    expect(other.map((e) => e.id)).not.toContain(id);

    // A move and a cancellation reach the invited (as invited then), each once, never their author.
    const newStart = hoursFromNow(72);
    await coordinator
      .patch(`meetings/${id}`)
      .set('If-Match', '2')
      .send({ startsAt: newStart, endsAt: hoursFromNow(73) })
      .expect(200);
    await coordinator
      .patch(`meetings/${id}`)
      .set('If-Match', '3')
      .send({ status: 'cancelled', reason: 'Room flooded' })
      .expect(200);
    for (const session of [ghent.collector, ghent.official]) {
      const cancelled = await eventually('the cancellation notice', async () => {
        const found = await noticesOf(session, 'meeting.cancelled');
        return found.length > 0 ? found : undefined;
      });
      expect(cancelled).toEqual([
        expect.objectContaining({ data: expect.objectContaining({ reason: 'Room flooded' }) }),
      ]);
      expect(await noticesOf(session, 'meeting.rescheduled')).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ deadline: new Date(newStart).toISOString() }),
        }),
      ]);
    }
    expect(await noticesOf(ghent.coordinator, 'meeting.cancelled')).toEqual([]);
    expect(await noticesOf(ghent.observer, 'meeting.rescheduled')).toEqual([]);
  });
});
