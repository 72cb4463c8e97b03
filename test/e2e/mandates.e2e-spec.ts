import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { MandateExpirySweep } from '@rl/notifications';
import { QueueName } from '@rl/queue';
import {
  ApiHarness,
  CityClient,
  cityClient,
  cityWithPeople,
  CityWithPeople,
  eventually,
  expectProblem,
  fixtures,
  Session,
  TestCity,
} from '../support';

interface Mandate {
  id: string;
  holderUserId: string;
  validFrom: string;
  validUntil: string | null;
  signedBy: { name: string; function: string };
  status: string;
  valid: boolean;
  expiringSoon: boolean;
  version: number;
}

interface Notice {
  kind: string;
  city: string;
  data: { organisationName?: string; holderName?: string; deadline?: string; link: string };
}

// Calendar days around today (the test city is in Europe/Brussels; a day's margin keeps the flags stable).
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('Mandates (participation)', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: CityWithPeople;
  let padua: TestCity;
  let paduaCoordinator: Session;
  let indicatorId: string;

  const mandates = (client: CityClient, organisationId = ghent.organisationId, suffix = '') =>
    ({
      post: () => client.post(`organisations/${organisationId}/mandates${suffix}`),
      get: () => client.get(`organisations/${organisationId}/mandates${suffix}`),
      patch: () => client.patch(`organisations/${organisationId}/mandates${suffix}`),
    }) as const;
  const body = (fields: Record<string, unknown> = {}) => ({
    holderUserId: ghent.collector.user.id,
    scope: { indicators: [indicatorId] },
    validFrom: day(-10),
    validUntil: day(200),
    signedBy: { name: 'An Peeters', function: 'Director' },
    documentRef: 'Board decision 2025/14',
    ...fields,
  });
  const grant = async (fields: Record<string, unknown> = {}) =>
    (await mandates(ghent.as(ghent.coordinator)).post().send(body(fields)).expect(201)).body as {
      id: string;
      version: number;
      position: number;
    };
  const read = async (session: Session, id: string, position: number) =>
    (
      await mandates(ghent.as(session), ghent.organisationId, `/${id}?minPosition=${position}`)
        .get()
        .expect(200)
    ).body as Mandate;

  // The coordinator's expiry notices about one mandate.
  const expiryNotices = async (mandateId: string) =>
    (
      (
        await api.http
          .get('/v1/me/notifications')
          .auth(ghent.coordinator.accessToken, { type: 'bearer' })
          .expect(200)
      ).body as Notice[]
    ).filter((n) => n.kind === 'mandate.expiring' && n.data.link.endsWith(`/mandates/${mandateId}`));

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await cityWithPeople(api, operator, 'Ghent');
    padua = await api.city(operator, 'Padua');
    paduaCoordinator = await api.member(operator, padua, 'coordinator');
    indicatorId = (await fixtures.indicator(ghent.as(ghent.coordinator))).id;
  });
  afterAll(() => api.close());

  it('lets the coordinator record a mandate that members read, valid and not expiring', async () => {
    const created = await grant();
    expect(created).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const mandate = await read(ghent.observer, created.id, created.position);
    expect(mandate).toMatchObject({
      holderUserId: ghent.collector.user.id,
      scope: { all: false, indicators: [indicatorId], tasks: [] },
      validUntil: day(200),
      signedBy: { name: 'An Peeters', function: 'Director' },
      status: 'active',
      valid: true,
      expiringSoon: false,
      version: 1,
    });
    const list = await mandates(ghent.as(ghent.collector))
      .get()
      .query({ minPosition: created.position })
      .expect(200);
    expect((list.body as Mandate[]).map((m) => m.id)).toContain(created.id);
    const audit = await api.auditLog(ghent.coordinator, ghent.city);
    expect(audit.find((e) => e.streamId === `mandate-${created.id}`)).toMatchObject({
      type: 'MandateGranted',
      metadata: { actorId: ghent.coordinator.user.id },
    });
  });

  it('reads a mandate as it was at an instant', async () => {
    const before = new Date().toISOString();
    const created = await grant();
    const path = (asOf: string) =>
      `organisations/${ghent.organisationId}/mandates/${created.id}?asOf=${asOf}`;
    expectProblem(await ghent.as(ghent.official).get(path(before)), 404, 'MANDATE.NOT_FOUND');
    const then = await ghent.as(ghent.official).get(path(new Date().toISOString())).expect(200);
    expect(then.body).toMatchObject({ id: created.id, version: 1, valid: true });
  });

  it('refuses every role but the coordinator, and observers never write', async () => {
    for (const session of [ghent.official, ghent.collector, ghent.researcher, ghent.observer]) {
      expectProblem(await mandates(ghent.as(session)).post().send(body()), 403);
    }
    const { id, version } = await grant();
    for (const session of [ghent.official, ghent.observer]) {
      const client = mandates(ghent.as(session), ghent.organisationId, `/${id}`);
      expectProblem(await client.patch().set('If-Match', String(version)).send({ validUntil: null }), 403);
    }
  });

  it("answers 404 for another city's organisation and mandate", async () => {
    const { id } = await grant();
    const paduan = cityClient(api, padua, paduaCoordinator);
    const padu = (path: string) => paduan.get(path);
    expectProblem(
      await padu(`organisations/${ghent.organisationId}/mandates`),
      404,
      'MANDATE.ORGANISATION_NOT_FOUND',
    );
    const paduaOrganisation = await fixtures.organisation(paduan);
    expectProblem(await padu(`organisations/${paduaOrganisation}/mandates/${id}`), 404, 'MANDATE.NOT_FOUND');
    expectProblem(
      await ghent.as(ghent.coordinator).get(`organisations/${ghent.organisationId}/mandates/${randomUUID()}`),
      404,
      'MANDATE.NOT_FOUND',
    );
  });

  it('refuses bad input with 4xx naming the field, recording nothing', async () => {
    const post = (fields: Record<string, unknown>) =>
      mandates(ghent.as(ghent.coordinator)).post().send(body(fields));
    const fieldsOf = (problem: { errors: { field: string }[] }) => problem.errors.map((e) => e.field);
    const granted = async () =>
      (await api.auditLog(ghent.coordinator, ghent.city)).filter((e) => e.type === 'MandateGranted').length;
    const before = await granted();

    expect(fieldsOf(expectProblem(await post({ holderUserId: 'nobody' }), 400))).toContain('holderUserId');
    expect(fieldsOf(expectProblem(await post({ validFrom: '1 May' }), 400))).toContain('validFrom');
    expect(fieldsOf(expectProblem(await post({ documentRef: 'x'.repeat(501) }), 400))).toContain(
      'documentRef',
    );
    expect(fieldsOf(expectProblem(await post({ signedBy: { name: ' ' } }), 400)).join()).toMatch(/signedBy/);
    const period = expectProblem(await post({ validUntil: day(-20) }), 422, 'MANDATE.INVALID_PERIOD');
    expect(fieldsOf(period)).toEqual(['validUntil']);
    expect(
      fieldsOf(expectProblem(await post({ validFrom: '2025-02-30' }), 422, 'MANDATE.INVALID_DATE')),
    ).toEqual(['validFrom']);
    expect(fieldsOf(expectProblem(await post({ scope: {} }), 422, 'MANDATE.EMPTY_SCOPE'))).toEqual(['scope']);
    const unknown = expectProblem(
      await post({ scope: { indicators: [randomUUID()] } }),
      422,
      'MANDATE.UNKNOWN_INDICATOR',
    );
    expect(fieldsOf(unknown)).toEqual(['scope.indicators']);
    // The official belongs to no organisation: no mandate from this one.
    const holder = expectProblem(
      await post({ holderUserId: ghent.official.user.id }),
      422,
      'MANDATE.UNKNOWN_HOLDER',
    );
    expect(fieldsOf(holder)).toEqual(['holderUserId']);
    expectProblem(
      await mandates(ghent.as(ghent.coordinator), randomUUID()).post().send(body()),
      404,
      'MANDATE.ORGANISATION_NOT_FOUND',
    );
    expect(await granted()).toBe(before);
  });

  it('amends and revokes at the version the client saw (If-Match), stale versions refused', async () => {
    const created = await grant({ validUntil: day(100) });
    const one = (suffix = '') =>
      mandates(ghent.as(ghent.coordinator), ghent.organisationId, `/${created.id}${suffix}`);
    expectProblem(
      await one()
        .patch()
        .set('If-Match', '7')
        .send({ validUntil: day(300) }),
      409,
      'MANDATE.VERSION_CONFLICT',
    );
    expectProblem(
      await one()
        .patch()
        .send({ validUntil: day(300) }),
      400,
      'REQUEST.IF_MATCH_REQUIRED',
    );
    const amended = await one()
      .patch()
      .set('If-Match', '1')
      .send({ validUntil: day(300) })
      .expect(200);
    expect(amended.body).toEqual({ version: 2, position: expect.any(Number) });
    expect((await read(ghent.coordinator, created.id, amended.body.position as number)).validUntil).toBe(
      day(300),
    );

    const revoked = await ghent
      .as(ghent.coordinator)
      .post(`organisations/${ghent.organisationId}/mandates/${created.id}/revoke`)
      .set('If-Match', '2')
      .send({ reason: 'The holder left the organisation' })
      .expect(200);
    const after = await read(ghent.researcher, created.id, revoked.body.position as number);
    expect(after).toMatchObject({ status: 'revoked', valid: false, expiringSoon: false, version: 3 });
    expectProblem(
      await one().patch().set('If-Match', '3').send({ validUntil: null }),
      422,
      'MANDATE.REVOKED',
    );
  });

  it('flags a mandate ending within 30 days and notifies each coordinator exactly once', async () => {
    const expiring = await grant({ validUntil: day(12) });
    expect(await read(ghent.collector, expiring.id, expiring.position)).toMatchObject({
      valid: true,
      expiringSoon: true,
    });
    const notices = () => expiryNotices(expiring.id);
    const [notice] = await eventually('the expiry notice', async () => {
      const found = await notices();
      return found.length > 0 ? found : undefined;
    });
    expect(await notices()).toHaveLength(1);
    expect(notice).toMatchObject({
      city: ghent.city.slug,
      data: { holderName: ghent.collector.user.name, organisationName: expect.any(String) },
    });
    // A change that leaves the last day as it was, and a second wake-up, notify nobody again.
    const rescoped = await ghent
      .as(ghent.coordinator)
      .patch(`organisations/${ghent.organisationId}/mandates/${expiring.id}`)
      .set('If-Match', '1')
      .send({ scope: { all: true } })
      .expect(200);
    await read(ghent.coordinator, expiring.id, rescoped.body.position as number);
    await api.worker.get(MandateExpirySweep).sweep();
    expect(await notices()).toHaveLength(1);
  });

  it("shows the organisation's members with their valid mandate, and the completeness report counts them", async () => {
    const organisationId = await fixtures.organisation(ghent.as(ghent.coordinator));
    const holder = await api.member(operator, ghent.city, 'collector', { organisationId });
    const without = await api.member(operator, ghent.city, 'collector', { organisationId });
    const created = await mandates(ghent.as(ghent.coordinator), organisationId)
      .post()
      .send(body({ holderUserId: holder.user.id, validUntil: day(20) }))
      .expect(201);
    const participation = await ghent
      .as(ghent.observer)
      .get(`organisations/${organisationId}/participation?minPosition=${created.body.position as number}`)
      .expect(200);
    expect(participation.body).toEqual({
      organisationId,
      members: expect.arrayContaining([
        {
          userId: holder.user.id,
          name: holder.user.name,
          role: 'collector',
          mandate: { id: created.body.id, validUntil: day(20), expiringSoon: true },
        },
        { userId: without.user.id, name: without.user.name, role: 'collector', mandate: null },
      ]),
      next: null,
    });

    const work = await fixtures.assignedWork(ghent.as(ghent.coordinator), {
      organisationId,
      periodCode: '2031',
      indicator: { status: 'active' },
    });
    // The collector without a mandate still submits.
    const submitted = await ghent
      .as(without)
      .post('submissions')
      .send({
        indicatorId: work.indicatorId,
        periodId: work.periodId,
        observations: [{ disaggregation: {}, value: 3 }],
      })
      .expect(201);
    const completeness = await ghent
      .as(ghent.official)
      .get(`periods/${work.periodId}/completeness?minPosition=${submitted.body.position as number}`)
      .expect(200);
    expect(completeness.body.organisations).toEqual([
      expect.objectContaining({ submitted: 1, mandate: { validHolders: 1, collectorsWithoutMandate: 1 } }),
    ]);
  });

  it('notifies again when the last day moves into the 30 days once more, never for a mandate not due', async () => {
    const created = await grant({ validUntil: day(90) });
    const one = `organisations/${ghent.organisationId}/mandates/${created.id}`;
    const keys = async () => (await expiryNotices(created.id)).map((n) => n.data.deadline?.slice(0, 10));
    await read(ghent.coordinator, created.id, created.position);
    await api.worker.get(MandateExpirySweep).sweep();
    expect(await keys()).toEqual([]);
    await ghent
      .as(ghent.coordinator)
      .patch(one)
      .set('If-Match', '1')
      .send({ validUntil: day(15) })
      .expect(200);
    await eventually('the first notice', async () => ((await keys()).length === 1 ? true : undefined));
    await ghent
      .as(ghent.coordinator)
      .patch(one)
      .set('If-Match', '2')
      .send({ validUntil: day(14) })
      .expect(200);
    await eventually('the second notice', async () => ((await keys()).length === 2 ? true : undefined));
    expect((await keys()).sort()).toEqual([day(14), day(15)]);
  });

  it('records the notice through the sweep when Redis lost the wake-up', async () => {
    const reminders = api.worker.get<Queue>(getQueueToken(QueueName.Reminders));
    await reminders.pause();
    try {
      const created = await grant({ validUntil: day(8) });
      const jobId = `mandate-expiring-${created.id}-${day(8)}`;
      await eventually('the wake-up', async () => ((await reminders.getJob(jobId)) ? true : undefined));
      await reminders.remove(jobId);
      const notified = async () => (await expiryNotices(created.id)).length;
      // The queue is paused and the job gone: only a sweep (this one, or the worker's own) can record it.
      await api.worker.get(MandateExpirySweep).sweep();
      expect(await notified()).toBe(1);
      await api.worker.get(MandateExpirySweep).sweep();
      expect(await notified()).toBe(1);
    } finally {
      await reminders.resume();
    }
  });

  it("erases the signer's name with the holder's personal data", async () => {
    const organisationId = await fixtures.organisation(ghent.as(ghent.coordinator));
    const holder = await api.member(operator, ghent.city, 'collector', { organisationId });
    const created = await mandates(ghent.as(ghent.coordinator), organisationId)
      .post()
      .send(body({ holderUserId: holder.user.id }))
      .expect(201);
    const erased = await api.http
      .post(`/v1/platform/people/${holder.user.id}/erasure`)
      .auth(operator.accessToken, { type: 'bearer' })
      .expect(200);
    const [{ position }] = (erased.body as { cities: { position: number }[] }).cities;
    const after = await mandates(ghent.as(ghent.coordinator), organisationId, `/${created.body.id as string}`)
      .get()
      .query({ minPosition: position })
      .expect(200);
    expect(after.body).toMatchObject({ signedBy: { name: '[erased]', function: 'Director' } });
  });

  it("keeps the mandates read model equal to a replay of the city's log", async () => {
    const res = await ghent.as(ghent.coordinator).get('audit/verify?readModels=true').expect(200);
    const { readModels } = res.body as {
      readModels: { ok: boolean; projections: { tables: { table: string; liveRows: number }[] }[] };
    };
    expect(readModels.ok).toBe(true);
    const mandatesTable = readModels.projections.flatMap((p) => p.tables).find((t) => t.table === 'mandates');
    expect(mandatesTable?.liveRows).toBeGreaterThan(5);
  });

  it('pages the list with a cursor', async () => {
    await grant();
    const first = await mandates(ghent.as(ghent.coordinator)).get().query({ limit: 1 }).expect(200);
    expect(first.body).toHaveLength(1);
    expect(first.headers.link).toMatch(/after=/);
    expectProblem(
      await mandates(ghent.as(ghent.coordinator)).get().query({ after: 'nope' }),
      400,
      'REQUEST.INVALID_CURSOR',
    );
  });
});
