import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { COMMENT_THREADS_PROJECTION } from '@rl/comments';
import { asCityId } from '@rl/kernel';
import { ProjectionRebuilder, ProjectionRegistry } from '@rl/projections';
import { SUBMISSIONS_PROJECTION } from '@rl/reporting';
import { ApiHarness, cityClient, eventually, expectProblem, fixtures, Session, TestCity } from '../support';

interface Comment {
  id: string;
  body: string;
  author: { id: string };
  replies: Comment[];
}

// Crypto-shredding: personal text is ciphertext in the log, plaintext in reads, and gone everywhere once
// an operator erases its person, while the chain still verifies.
describe('Erasure of a person (crypto-shredding)', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let official: Session;
  let collector: Session;
  let submissionId: string;
  let commentId: string;
  let officialCommentId: string;
  let secondCommentId: string;
  let position: number;
  const marker = randomUUID().slice(0, 8);
  const note = `NOTE-${marker}: ask Jan Peeters (0470 12 34 56)`;
  const collectorBody = `BODY-${marker}: my own view`;
  const officialBody = `OFFICIAL-${marker}: noted`;
  const secondBody = `SECOND-${marker}: thanks`;
  const reason = `REASON-${marker}: the total is off`;

  const as = (session: Session) => cityClient(api, city, session);
  const erase = (session: Session, userId: string) =>
    api.http.post(`/v1/platform/people/${userId}/erasure`).auth(session.accessToken, { type: 'bearer' });
  // The database as it is, bypassing the API (row-level security still wants the city).
  const raw = <T>(sql: string, params: unknown[] = []) =>
    api.app.get(DataSource).transaction(async (em) => {
      await em.query(`select set_config('app.tenant_id', $1, true)`, [city.id]);
      return em.query<T[]>(sql, params);
    });
  const personalEvents = () =>
    raw<{ position: string; type: string; hash: string; data: string }>(
      `SELECT position, type, hash, data::text AS data FROM events
        WHERE tenant_id = $1 AND type IN ('SubmissionSubmitted', 'SubmissionReturned', 'CommentPosted')
        ORDER BY position`,
      [city.id],
    );
  const thread = async () => {
    const res = await as(coordinator)
      .get(`comments?targetKind=submission&targetId=${submissionId}&minPosition=${position}`)
      .expect(200);
    const all = (res.body as Comment[]).flatMap((c) => [c, ...c.replies]);
    return new Map(all.map((c) => [c.id, c.body]));
  };
  const submission = async () =>
    (await as(official).get(`submissions/${submissionId}?minPosition=${position}`).expect(200)).body as {
      note: string | null;
      returnReason: string | null;
    };
  const auditedComment = async () =>
    (await as(coordinator).get(`audit/streams/comment-${commentId}`).expect(200)).body.events[0].data
      .body as string;
  const auditedNote = async () =>
    (await as(coordinator).get(`audit/events?type=SubmissionSubmitted`).expect(200)).body.events[0].data
      .note as string;
  // The excerpt of the collector's second comment in the official's inbox (the official follows the
  // submission since replying), once the notice exists and shows `excerpt`.
  const officialInboxShows = (excerpt: string) =>
    eventually(`the official's notice to show ${excerpt}`, async () => {
      const res = await api.http.get('/v1/me/notifications').auth(official.accessToken, { type: 'bearer' });
      const notices = res.body as { kind: string; data: { commentExcerpt?: string } }[];
      return (
        notices.some((n) => n.kind === 'comment.posted' && n.data.commentExcerpt === excerpt) || undefined
      );
    });
  const verify = async () => (await as(coordinator).get('audit/verify').expect(200)).body as { ok: boolean };

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Padua'));
    const organisationId = await fixtures.organisation(as(coordinator), { name: 'Razzismo Stop' });
    official = await api.member(operator, city, 'official');
    collector = await api.member(operator, city, 'collector', { organisationId });
    const { indicatorId, periodId } = await fixtures.assignedWork(as(coordinator), {
      organisationId,
      periodCode: '2024',
      deadline: '2030-03-31',
      indicator: {
        code: `ER-${marker}`,
        name: 'Hate incidents reported',
        type: 'outcome',
        disaggregations: [],
        frameworkRefs: [],
        status: 'active',
      },
    });
    const submitted = await as(collector)
      .post('submissions')
      .send({ indicatorId, periodId, observations: [{ disaggregation: {}, value: 12 }], note })
      .expect(201);
    submissionId = submitted.body.id as string;
    await as(official).post(`submissions/${submissionId}/return`).send({ reason }).expect(200);
    const posted = await as(collector)
      .post('comments')
      .send({ target: { kind: 'submission', id: submissionId }, body: collectorBody })
      .expect(201);
    commentId = posted.body.id as string;
    const reply = await as(official)
      .post('comments')
      .send({ target: { kind: 'submission', id: submissionId }, body: officialBody, parentId: commentId })
      .expect(201);
    officialCommentId = reply.body.id as string;
    const second = await as(collector)
      .post('comments')
      .send({ target: { kind: 'submission', id: submissionId }, body: secondBody })
      .expect(201);
    secondCommentId = second.body.id as string;
    position = second.body.position as number;
  }, 60_000);
  afterAll(() => api.close());

  it('stores personal text as ciphertext in the log and serves it as plaintext', async () => {
    const events = await personalEvents();
    expect(events.map((e) => e.type)).toEqual([
      'SubmissionSubmitted',
      'SubmissionReturned',
      'CommentPosted',
      'CommentPosted',
      'CommentPosted',
    ]);
    for (const event of events) {
      expect(event.data).toContain('"$personal"');
      expect(event.data).not.toContain(marker);
      expect(event.data).not.toContain('Peeters');
    }
    expect(await thread()).toEqual(
      new Map([
        [commentId, collectorBody],
        [officialCommentId, officialBody],
        [secondCommentId, secondBody],
      ]),
    );
    await officialInboxShows(secondBody);
    expect(await submission()).toEqual(expect.objectContaining({ note, returnReason: reason }));
    expect(await auditedComment()).toBe(collectorBody);
    expect(await auditedNote()).toBe(note);
    expect((await verify()).ok).toBe(true);
  });

  it('lets only platform operators erase, and only people who exist', async () => {
    expectProblem(await erase(coordinator, collector.user.id), 403);
    expectProblem(await erase(operator, randomUUID()), 404, 'PERSON.NOT_FOUND');
    expectProblem(await erase(operator, 'not-a-uuid'), 400);
  });

  it("erases a person's text everywhere, keeps the log and its chain, and survives a rebuild", async () => {
    const before = await personalEvents();
    const res = await erase(operator, collector.user.id).expect(200);
    expect(res.body).toEqual({
      userId: collector.user.id,
      cities: [{ city: city.slug, position: expect.any(Number), keysDeleted: 1 }],
    });
    position = res.body.cities[0].position as number;

    // The log is untouched (same rows, same hashes) and still verifies; the key is gone.
    expect(await personalEvents()).toEqual(before);
    expect((await verify()).ok).toBe(true);
    const keys = await raw<{ n: number }>(
      `SELECT count(*)::int AS n FROM personal_data_keys WHERE tenant_id = $1 AND subject_id = $2`,
      [city.id, collector.user.id],
    );
    expect(keys[0].n).toBe(0);
    const [erasure] = await raw<{ type: string; data: unknown }>(
      `SELECT type, data FROM events WHERE tenant_id = $1 AND position = $2`,
      [city.id, position],
    );
    expect(erasure).toEqual({
      type: 'PersonDataErased',
      data: { subjectId: collector.user.id, keyIds: [expect.any(String)] },
    });

    const expectErased = async () => {
      expect(await thread()).toEqual(
        new Map([
          [commentId, '[erased]'],
          [officialCommentId, officialBody],
          [secondCommentId, '[erased]'],
        ]),
      );
      // The note was the collector's; the return reason is the official's and stays.
      expect(await submission()).toEqual(expect.objectContaining({ note: '[erased]', returnReason: reason }));
      expect(await auditedComment()).toBe('[erased]');
      expect(await auditedNote()).toBe('[erased]');
    };
    await expectErased();
    // The copy of the text in a notice goes too.
    await officialInboxShows('[erased]');

    const registry = api.worker.get(ProjectionRegistry);
    const rebuilder = api.worker.get(ProjectionRebuilder);
    for (const name of [COMMENT_THREADS_PROJECTION, SUBMISSIONS_PROJECTION]) {
      await rebuilder.rebuild(asCityId(city.id), registry.get(name));
    }
    await expectErased();
    const dead = await raw<{ n: number }>(
      `SELECT count(*)::int AS n FROM projection_dead_letters WHERE tenant_id = $1`,
      [city.id],
    );
    expect(dead[0].n).toBe(0);

    // Nothing is left to erase: a repeat changes nothing.
    const again = await erase(operator, collector.user.id).expect(200);
    expect(again.body).toEqual({ userId: collector.user.id, cities: [] });
  });

  it('keeps webhook URLs (and the secrets they embed) out of the log', async () => {
    const url = `http://127.0.0.1:9/hooks/${marker}-token?key=${marker}`;
    const created = await as(coordinator).post('webhooks').send({ url }).expect(201);
    const [event] = await raw<{ data: string }>(
      `SELECT data::text AS data FROM events WHERE tenant_id = $1 AND stream_id = $2`,
      [city.id, `webhook-${created.body.id}`],
    );
    expect(event.data).not.toContain(marker);
    expect(JSON.parse(event.data)).toEqual({
      webhookId: created.body.id,
      origin: 'http://127.0.0.1:9',
      events: [],
    });
  });
});
