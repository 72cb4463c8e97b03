import { randomUUID } from 'node:crypto';
import { ApiHarness, cityWithPeople, expectProblem, fixtures, Session, TestCity } from '../support';

interface Author {
  id: string;
  name: string | null;
  role: string | null;
  organisation: { id: string; name: string | null } | null;
}
interface Comment {
  id: string;
  target: { kind: string; id: string };
  parentId: string | null;
  observation: Record<string, string> | null;
  body: string;
  visibility: string;
  retracted: boolean;
  version: number;
  author: Author;
  editedAt: string | null;
  replies: Comment[];
}

describe('Interpretation comments (threads on indicators, submissions and periods)', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let cso: Session;
  let researcher: Session;
  let observer: Session;
  let organisationId: string;
  let indicatorId: string;
  let periodId: string;

  const url = (suffix = '') => `/v1/cities/${city.slug}/comments${suffix}`;
  const post = (session: Session, body: Record<string, unknown>) =>
    api.http.post(url()).auth(session.accessToken, { type: 'bearer' }).send(body);
  const threads = async (session: Session, query: string): Promise<Comment[]> =>
    (
      await api.http
        .get(url(`?${query}`))
        .auth(session.accessToken, { type: 'bearer' })
        .expect(200)
    ).body as Comment[];

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    const people = await cityWithPeople(api, operator, 'Ghent', { name: 'Vluchtelingenwerk Gent' });
    ({ city, coordinator, collector: cso, researcher, observer, organisationId } = people);
    const as = people.as(coordinator);
    ({ id: indicatorId } = await fixtures.indicator(as, {
      disaggregations: [{ dimension: 'ground', values: [] }],
      frameworkRefs: [{ framework: 'SDG', code: '10.3.1' }],
      // Active, so that data can be submitted against it.
      status: 'active',
    }));
    periodId = await fixtures.period(as, '2024', '2025-03-31');
  });
  afterAll(() => api.close());

  it('threads a CSO comment and a researcher reply on an indicator, showing organisation and role', async () => {
    const target = { kind: 'indicator', id: indicatorId };
    const first = await post(cso, { target, body: 'Complaints rose after the new reporting desk opened.' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const reply = await post(researcher, {
      target,
      parentId: first.body.id,
      body: 'Which desk? The 2023 one?',
      visibility: 'public',
    }).expect(201);
    const nested = await post(cso, { target, parentId: reply.body.id, body: 'Yes, the 2023 one.' }).expect(
      201,
    );

    const list = await threads(
      observer,
      `targetKind=indicator&targetId=${indicatorId}&minPosition=${nested.body.position}`,
    );
    expect(list).toHaveLength(1);
    const [top] = list;
    expect(top).toEqual(
      expect.objectContaining({
        id: first.body.id,
        target,
        parentId: null,
        visibility: 'internal',
        retracted: false,
        body: 'Complaints rose after the new reporting desk opened.',
        author: {
          id: cso.user.id,
          name: cso.user.name,
          role: 'collector',
          organisation: { id: organisationId, name: 'Vluchtelingenwerk Gent' },
        },
      }),
    );
    expect(top.replies).toHaveLength(1);
    expect(top.replies[0]).toEqual(
      expect.objectContaining({
        id: reply.body.id,
        parentId: first.body.id,
        visibility: 'public',
        author: {
          id: researcher.user.id,
          name: researcher.user.name,
          role: 'researcher',
          organisation: null,
        },
      }),
    );
    expect(top.replies[0].replies.map((c) => c.id)).toEqual([nested.body.id]);
  });

  it('comments on a period; a reply must stay on its parent’s target', async () => {
    const onPeriod = await post(researcher, {
      target: { kind: 'period', id: periodId },
      body: 'The 2024 deadline falls in the school holidays.',
    }).expect(201);
    const wrong = await post(cso, {
      target: { kind: 'indicator', id: indicatorId },
      parentId: onPeriod.body.id,
      body: 'Agreed',
    });
    expect(expectProblem(wrong, 422, 'COMMENT.UNKNOWN_PARENT').errors[0].field).toBe('parentId');
    expectProblem(
      await post(cso, { target: { kind: 'period', id: periodId }, parentId: randomUUID(), body: 'Agreed' }),
      422,
      'COMMENT.UNKNOWN_PARENT',
    );
    const list = await threads(
      cso,
      `targetKind=period&targetId=${periodId}&minPosition=${onPeriod.body.position}`,
    );
    expect(list.map((c) => c.id)).toEqual([onPeriod.body.id]);
    // An observation key only makes sense on a submission.
    const observation = await post(cso, {
      target: { kind: 'period', id: periodId },
      observation: { sex: 'F' },
      body: 'x',
    });
    expect(expectProblem(observation, 422, 'COMMENT.OBSERVATION_NOT_ALLOWED').errors[0].field).toBe(
      'observation',
    );
  });

  it('keeps edits in the history, lets only the author edit, and shows retractions', async () => {
    const created = await post(cso, {
      target: { kind: 'indicator', id: indicatorId },
      body: 'First draft',
    }).expect(201);
    const id = created.body.id as string;
    const patch = (session: Session, version: string, body: Record<string, unknown>) =>
      api.http
        .patch(url(`/${id}`))
        .auth(session.accessToken, { type: 'bearer' })
        .set('If-Match', version)
        .send(body);

    expectProblem(await patch(researcher, '1', { body: 'Not mine' }), 403, 'COMMENT.NOT_AUTHOR');
    const edited = await patch(cso, '1', { body: 'Second draft', visibility: 'public' }).expect(200);
    expect(edited.body).toEqual({ version: 2, position: expect.any(Number) });
    expectProblem(await patch(cso, '1', { body: 'Stale' }), 409, 'COMMENT.VERSION_CONFLICT');

    const audit = await api.http
      .get(`/v1/cities/${city.slug}/audit/streams/comment-${id}`)
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(
      audit.body.events.map((e: { type: string; data: { body?: string }; metadata: { actorId: string } }) => [
        e.type,
        e.data.body,
        e.metadata.actorId,
      ]),
    ).toEqual([
      ['CommentPosted', 'First draft', cso.user.id],
      ['CommentEdited', 'Second draft', cso.user.id],
    ]);

    // Only the author or a coordinator retracts.
    expectProblem(
      await api.http.delete(url(`/${id}`)).auth(researcher.accessToken, { type: 'bearer' }),
      403,
      'COMMENT.NOT_AUTHOR',
    );
    const retracted = await api.http
      .delete(url(`/${id}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(retracted.body).toEqual({ version: 3, position: expect.any(Number) });
    expectProblem(await patch(cso, '3', { body: 'Back again' }), 409, 'COMMENT.RETRACTED');

    const list = await threads(
      cso,
      `targetKind=indicator&targetId=${indicatorId}&minPosition=${retracted.body.position}`,
    );
    const shown = list.find((c) => c.id === id);
    expect(shown).toEqual(
      expect.objectContaining({ retracted: true, body: '[retracted]', visibility: 'public', version: 3 }),
    );
    expect(shown?.editedAt).toEqual(expect.any(String));
  });

  it('comments on one observation of a submission', async () => {
    await api.http
      .post(`/v1/cities/${city.slug}/assignments`)
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ indicatorId, organisationId, periodId })
      .expect(201);
    const submission = await api.http
      .post(`/v1/cities/${city.slug}/submissions`)
      .auth(cso.accessToken, { type: 'bearer' })
      .send({
        indicatorId,
        periodId,
        observations: [
          { disaggregation: {}, value: 12 },
          { disaggregation: { ground: 'disability' }, value: 5 },
        ],
      })
      .expect(201);
    const target = { kind: 'submission', id: submission.body.id as string };
    const created = await post(researcher, {
      target,
      observation: { ground: 'disability' },
      body: 'Five seems low for disability complaints.',
      visibility: 'public',
    }).expect(201);
    const list = await threads(
      coordinator,
      `targetKind=submission&targetId=${target.id}&minPosition=${created.body.position}`,
    );
    expect(list).toEqual([
      expect.objectContaining({ target, observation: { ground: 'disability' }, visibility: 'public' }),
    ]);
  });

  it('lets observers read but not post, and hides the city from other cities', async () => {
    expectProblem(
      await post(observer, { target: { kind: 'indicator', id: indicatorId }, body: 'Hello' }),
      403,
      'AUTH.ROLE_NOT_ALLOWED',
    );
    await threads(observer, `targetKind=indicator&targetId=${indicatorId}`);
    const padua = await api.city(operator, 'Padua');
    const paduan = await api.member(operator, padua, 'researcher');
    expectProblem(
      await api.http.get(url(`?targetKind=indicator&targetId=${indicatorId}`)).auth(paduan.accessToken, {
        type: 'bearer',
      }),
      404,
      'CITY.NOT_FOUND',
    );
    // Nor can Padua comment on Ghent's indicator through its own city.
    const viaPadua = await api.http
      .post(`/v1/cities/${padua.slug}/comments`)
      .auth(paduan.accessToken, { type: 'bearer' })
      .send({ target: { kind: 'indicator', id: indicatorId }, body: 'Sneaky' });
    expect(expectProblem(viaPadua, 422, 'COMMENT.UNKNOWN_TARGET').errors[0].field).toBe('target.id');
  });

  it('refuses unknown targets (422 naming target.id) and bad bodies (400 naming fields)', async () => {
    for (const kind of ['indicator', 'submission', 'period']) {
      const res = await post(cso, { target: { kind, id: randomUUID() }, body: 'On nothing' });
      expect(expectProblem(res, 422, 'COMMENT.UNKNOWN_TARGET').errors[0].field).toBe('target.id');
    }
    // A period's id is not an indicator.
    expect(
      expectProblem(await post(cso, { target: { kind: 'indicator', id: periodId }, body: 'x' }), 422)
        .errors[0].field,
    ).toBe('target.id');

    const fields = async (body: Record<string, unknown>) =>
      new Set(expectProblem(await post(cso, body), 400).errors.map((e) => e.field));
    expect(await fields({})).toEqual(new Set(['target', 'body']));
    expect(
      await fields({ target: { kind: 'blog', id: 'x' }, body: '', visibility: 'secret', parentId: 'p' }),
    ).toEqual(new Set(['target.kind', 'target.id', 'body', 'visibility', 'parentId']));
    expect(
      await fields({ target: { kind: 'indicator', id: indicatorId }, body: 'x'.repeat(10_001) }),
    ).toEqual(new Set(['body']));
    expect(await fields({ target: { kind: 'indicator', id: indicatorId }, body: '   ' })).toEqual(
      new Set(['body']),
    );
    expect(
      await fields({ target: { kind: 'submission', id: indicatorId }, body: 'x', observation: { sex: 1 } }),
    ).toEqual(new Set(['observation']));
    expect(
      expectProblem(
        await api.http
          .patch(url('/nope'))
          .auth(cso.accessToken, { type: 'bearer' })
          .set('If-Match', '1')
          .send({}),
        400,
      ).errors[0].field,
    ).toBe('id');
  });
});
