import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { asCityId } from '@rl/kernel';
import { SIGNATURE_HEADER, verifyWebhook } from '../../libs/notifications/src/domain/webhook-signature';
import { NotificationQueues } from '../../libs/notifications/src/notification-queues';
import {
  ApiHarness,
  cityClient,
  EARLY_SCHOOL_LEAVERS,
  eventually,
  expectProblem,
  fixtures,
  Session,
  sleep,
  suiteQueues,
  TestCity,
  twoCities,
} from '../support';
import { Receiver } from '../support/webhook-receiver';

const nowSeconds = () => Math.floor(Date.now() / 1_000);

interface Delivery {
  id: string;
  endpointId: string;
  event: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

describe('Webhooks: signed notice deliveries with retries and a dead-letter list', () => {
  let api: ApiHarness;
  let receiver: Receiver;
  let operator: Session;
  let ghent: TestCity;
  let padua: TestCity;
  let coordinator: Session;
  let paduaCoordinator: Session;
  let collector: Session;
  let organisationId: string;
  const secrets = new Map<string, string>();
  const ids = new Map<string, string>();

  const as = (session: Session, city = ghent) => cityClient(api, city, session);
  const register = async (name: string, events?: string[]) => {
    const res = await as(coordinator)
      .post('webhooks')
      .send({ url: receiver.url(`/${name}`), ...(events && { events }) })
      .expect(201);
    secrets.set(`/${name}`, res.body.secret as string);
    ids.set(name, res.body.id as string);
    return res.body as Record<string, unknown>;
  };
  const deliveries = async (query = ''): Promise<Delivery[]> =>
    (await as(coordinator).get(`webhooks/deliveries${query}`).expect(200)).body as Delivery[];

  beforeAll(async () => {
    receiver = await Receiver.start();
    ({ api, operator } = await ApiHarness.startWithOperator({
      WEBHOOK_BACKOFF_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '3',
      REMINDER_SWEEP_SECONDS: '2',
      ...suiteQueues('webhooks'),
    }));
    ({ ghent, padua, coordinator, paduaCoordinator } = await twoCities(api, operator));
    organisationId = await fixtures.organisation(as(coordinator));
    collector = await api.member(operator, ghent, 'collector', { organisationId });
  });
  afterAll(async () => {
    await api.close();
    await receiver.close();
  });

  it('refuses a collector, a malformed url and an unknown notice kind, naming the field', async () => {
    expectProblem(
      await as(collector)
        .post('webhooks')
        .send({ url: receiver.url('/nope') }),
      403,
    );
    for (const url of ['not a url', 'ftp://127.0.0.1/hook', `https://example.org/${'x'.repeat(2_000)}`]) {
      const problem = expectProblem(await as(coordinator).post('webhooks').send({ url }), 400);
      expect(problem.errors.map((e) => e.field)).toEqual(['url']);
    }
    const unknownKind = await as(coordinator)
      .post('webhooks')
      .send({ url: receiver.url('/nope'), events: ['reminder.upcoming', 'reminder.bogus'] });
    expect(expectProblem(unknownKind, 400).errors.map((e) => e.field)).toEqual(['events']);
    expect((await as(coordinator).get('webhooks').expect(200)).body).toEqual([]);
  });

  it('registers endpoints, shows the secret only once and keeps it out of the audit log', async () => {
    const created = await register('all');
    expect(created).toEqual({
      id: expect.any(String),
      url: receiver.url('/all'),
      events: [],
      secret: expect.stringMatching(/^whsec_/),
      createdAt: expect.any(String),
      version: 1,
      position: expect.any(Number),
    });
    await register('upcoming', ['reminder.upcoming']);
    await register('comments', ['comment.posted']);
    await register('failing', ['reminder.upcoming', 'reminder.overdue']);
    receiver.answers.set('/failing', { status: 500, body: 'receiver exploded' });

    const list = (await as(coordinator).get('webhooks').expect(200)).body as Record<string, unknown>[];
    expect(list.map((w) => w.url)).toEqual(
      ['/all', '/upcoming', '/comments', '/failing'].map((p) => receiver.url(p)),
    );
    expect(list[0]).toEqual({
      id: ids.get('all'),
      url: receiver.url('/all'),
      events: [],
      createdAt: expect.any(String),
      deliveries: { pending: 0, delivered: 0, dead: 0 },
    });
    expect(list[3].events).toEqual(['reminder.upcoming', 'reminder.overdue']);
    expect(JSON.stringify(list)).not.toContain('whsec_');

    const stream = await as(coordinator)
      .get(`audit/streams/webhook-${ids.get('all')}`)
      .expect(200);
    expect(stream.body.events).toEqual([
      expect.objectContaining({
        type: 'WebhookRegistered',
        version: 1,
        data: { webhookId: ids.get('all'), origin: new URL(receiver.url('/all')).origin, events: [] },
      }),
    ]);
    expect(JSON.stringify(stream.body)).not.toContain(secrets.get('/all'));
    expect(JSON.stringify(stream.body)).not.toContain(receiver.url('/all'));
  });

  it('answers a retried registration (same Idempotency-Key) with the first endpoint and secret', async () => {
    const key = `register-${randomUUID()}`;
    const send = () =>
      as(coordinator)
        .post('webhooks')
        .set('Idempotency-Key', key)
        .send({ url: receiver.url('/retried'), events: ['submission.validated'] })
        .expect(201);
    const first = await send();
    const retry = await send();
    expect(retry.body).toEqual(first.body);
    const list = (await as(coordinator).get('webhooks').expect(200)).body as { url: string; id: string }[];
    expect(list.filter((w) => w.url === receiver.url('/retried'))).toHaveLength(1);
    await as(coordinator)
      .delete(`webhooks/${first.body.id as string}`)
      .expect(200);
  });

  it('POSTs a signed reminder.upcoming to each subscribed endpoint exactly once', async () => {
    // Of the default reminders (14 and 3 days before, the deadline morning, 1 and 7 days after) the
    // 3-day one is due a little under a day ago: still owed, so it fires at once, as 'reminder.upcoming'.
    // (The 14-day one is too old to be owed; the others lie ahead.)
    const deadline = new Date(Date.now() + (2 * 24 + 3) * 3_600_000);
    const work = await fixtures.assignedWork(as(coordinator), {
      organisationId,
      periodCode: '2031-05',
      deadline: deadline.toISOString(),
      indicator: { ...EARLY_SCHOOL_LEAVERS, code: `EDU-${randomUUID().slice(0, 6)}` },
    });

    const [all] = await eventually('the delivery to /all', () =>
      receiver.at('/all').length > 0 ? receiver.at('/all') : undefined,
    );
    await eventually('the delivery to /upcoming', () => receiver.at('/upcoming')[0]);

    expect(
      verifyWebhook(
        secrets.get('/all')!,
        all.body,
        String(all.headers['x-rights-ledger-signature']),
        nowSeconds(),
      ),
    ).toBe(true);
    // Signed with this endpoint's secret, over these exact bytes.
    expect(
      verifyWebhook(
        secrets.get('/upcoming')!,
        all.body,
        String(all.headers['x-rights-ledger-signature']),
        nowSeconds(),
      ),
    ).toBe(false);
    expect(
      verifyWebhook(
        secrets.get('/all')!,
        all.body.replace('upcoming', 'overdue'),
        String(all.headers['x-rights-ledger-signature']),
        nowSeconds(),
      ),
    ).toBe(false);
    expect(all.headers[SIGNATURE_HEADER.toLowerCase()]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(all.headers['content-type']).toBe('application/json');
    expect(all.headers['user-agent']).toBe('RightsLedger-Webhooks/1');
    expect(all.headers['x-rights-ledger-event']).toBe('reminder.upcoming');

    const payload = JSON.parse(all.body) as Record<string, unknown>;
    expect(payload).toEqual({
      id: all.headers['x-rights-ledger-delivery'],
      event: 'reminder.upcoming',
      key: expect.stringMatching(/^reminder:/),
      occurredAt: expect.any(String),
      data: expect.objectContaining({
        citySlug: ghent.slug,
        cityName: 'Ghent',
        indicatorCode: work.indicatorCode,
        periodCode: '2031-05',
        deadline: work.deadline,
        link: expect.stringContaining(`/cities/${ghent.slug}/assignments/`),
      }),
    });

    const upcoming = receiver.at('/upcoming')[0];
    expect(
      verifyWebhook(
        secrets.get('/upcoming')!,
        upcoming.body,
        String(upcoming.headers['x-rights-ledger-signature']),
        nowSeconds(),
      ),
    ).toBe(true);
    const other = JSON.parse(upcoming.body) as Record<string, unknown>;
    // One notice, one delivery per endpoint: same key, different delivery ids.
    expect(other.key).toBe(payload.key);
    expect(other.id).not.toBe(payload.id);

    // Neither the queue nor the reconciler (every 2 s here) sends anything twice.
    await sleep(3_000);
    expect(receiver.at('/all')).toHaveLength(1);
    expect(receiver.at('/upcoming')).toHaveLength(1);
    expect(receiver.at('/comments')).toHaveLength(0);

    const delivered = await deliveries('?status=delivered');
    expect(delivered.find((d) => d.id === payload.id)).toEqual({
      id: payload.id,
      endpointId: ids.get('all'),
      event: 'reminder.upcoming',
      status: 'delivered',
      attempts: 1,
      lastError: null,
      responseStatus: 204,
      createdAt: expect.any(String),
      deliveredAt: expect.any(String),
    });
  });

  it('dead-letters a delivery after 3 failed attempts, and redelivers it on request', async () => {
    const dead = await eventually('the dead delivery to /failing', async () =>
      (await deliveries('?status=dead')).find((d) => d.endpointId === ids.get('failing')),
    );
    expect(dead).toEqual(
      expect.objectContaining({ event: 'reminder.upcoming', attempts: 3, responseStatus: 500 }),
    );
    // A category: what the receiver answered is not echoed (it could be any internal service).
    expect(dead.lastError).toBe('http_500');
    const failures = receiver.at('/failing');
    expect(failures).toHaveLength(3);
    expect(new Set(failures.map((f) => f.headers['x-rights-ledger-delivery']))).toEqual(new Set([dead.id]));
    const counts = (
      (await as(coordinator).get('webhooks').expect(200)).body as { id: string; deliveries: unknown }[]
    ).find((w) => w.id === ids.get('failing'))?.deliveries;
    expect(counts).toEqual({ pending: 0, delivered: 0, dead: 1 });

    // Nothing moves by itself once dead.
    await sleep(1_000);
    expect(receiver.at('/failing')).toHaveLength(3);

    receiver.answers.set('/failing', { status: 200, body: 'ok' });
    const again = await as(coordinator).post(`webhooks/deliveries/${dead.id}/redeliver`).expect(200);
    expect(again.body).toEqual(expect.objectContaining({ id: dead.id, status: 'pending', attempts: 0 }));
    const done = await eventually('the redelivery', async () =>
      (await deliveries('?status=delivered')).find((d) => d.id === dead.id),
    );
    expect(done).toEqual(
      expect.objectContaining({ attempts: 1, responseStatus: 200, deliveredAt: expect.any(String) }),
    );
    const last = receiver.at('/failing')[3];
    expect(
      verifyWebhook(
        secrets.get('/failing')!,
        last.body,
        String(last.headers['x-rights-ledger-signature']),
        nowSeconds(),
      ),
    ).toBe(true);
    expect(JSON.parse(last.body)).toEqual(
      expect.objectContaining({ id: dead.id, event: 'reminder.upcoming' }),
    );
    expect(await deliveries('?status=dead')).toEqual([]);

    expectProblem(
      await as(coordinator).post(`webhooks/deliveries/${dead.id}/redeliver`),
      409,
      'WEBHOOK.DELIVERY_NOT_DEAD',
    );
    expectProblem(
      await as(coordinator).post(`webhooks/deliveries/${randomUUID()}/redeliver`),
      404,
      'WEBHOOK.DELIVERY_NOT_FOUND',
    );
  });

  it('lists deliveries newest first, filtered and limited', async () => {
    const everything = await deliveries();
    expect(everything.length).toBeGreaterThanOrEqual(3);
    const times = everything.map((d) => Date.parse(d.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await deliveries('?limit=1')).toHaveLength(1);
    expect((await deliveries(`?endpointId=${ids.get('upcoming')}`)).map((d) => d.endpointId)).toEqual([
      ids.get('upcoming'),
    ]);
    const badStatus = expectProblem(await as(coordinator).get('webhooks/deliveries?status=lost'), 400);
    expect(badStatus.errors.map((e) => e.field)).toEqual(['status']);
  });

  it("keeps each city's webhooks to itself", async () => {
    const paduan = as(paduaCoordinator, padua);
    expect((await paduan.get('webhooks').expect(200)).body).toEqual([]);
    expect((await paduan.get('webhooks/deliveries').expect(200)).body).toEqual([]);
    expectProblem(await paduan.delete(`webhooks/${ids.get('all')}`), 404, 'WEBHOOK.NOT_FOUND');
    const ghentDelivery = (await deliveries())[0];
    expectProblem(
      await paduan.post(`webhooks/deliveries/${ghentDelivery.id}/redeliver`),
      404,
      'WEBHOOK.DELIVERY_NOT_FOUND',
    );
    // Ghent's own routes are closed to Padua's coordinator altogether.
    expectProblem(await as(paduaCoordinator).get('webhooks'), 404);
  });

  it('documents the webhook routes in the OpenAPI document', async () => {
    const document = (await api.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const base = '/v1/cities/{city}/webhooks';
    const routes = [
      [base, 'post'],
      [base, 'get'],
      [`${base}/{id}`, 'delete'],
      [`${base}/deliveries`, 'get'],
      [`${base}/deliveries/{id}/redeliver`, 'post'],
    ];
    for (const [route, method] of routes) {
      expect(document.paths[route]?.[method]?.tags).toEqual(['notifications']);
    }
  });

  it('removes an endpoint: it leaves the list, is audited, gets nothing more, and a second removal is 404', async () => {
    const id = ids.get('upcoming')!;
    const removed = await as(coordinator).delete(`webhooks/${id}`).expect(200);
    expect(removed.body).toEqual({ version: 2, position: expect.any(Number) });
    const list = (await as(coordinator).get('webhooks').expect(200)).body as { id: string }[];
    expect(list.map((w) => w.id)).not.toContain(id);
    const stream = await as(coordinator).get(`audit/streams/webhook-${id}`).expect(200);
    expect(stream.body.events.map((e: { type: string }) => e.type)).toEqual([
      'WebhookRegistered',
      'WebhookRemoved',
    ]);
    expectProblem(await as(coordinator).delete(`webhooks/${id}`), 404, 'WEBHOOK.NOT_FOUND');
    expectProblem(await as(coordinator).delete(`webhooks/${randomUUID()}`), 404, 'WEBHOOK.NOT_FOUND');

    // A delivery still owed to it when it was removed is dead-lettered, not sent.
    const deliveryId = randomUUID();
    await api.app.get(DataSource).transaction(async (em) => {
      await em.query(`select set_config('app.tenant_id', $1, true)`, [ghent.id]);
      await em.query(
        `INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, key, event, payload, status)
         VALUES ($1, $2, $3, 'test:after-removal', 'reminder.upcoming', '{}', 'pending')`,
        [ghent.id, deliveryId, id],
      );
    });
    await api.app.get(NotificationQueues).wakeWebhooks(asCityId(ghent.id), [deliveryId]);
    const dead = await eventually('the dead-lettered delivery', async () =>
      (await deliveries('?status=dead')).find((d) => d.id === deliveryId),
    );
    expect(dead).toEqual(expect.objectContaining({ attempts: 0, lastError: 'endpoint_removed' }));
    expect(receiver.at('/upcoming')).toHaveLength(1);
    expectProblem(
      await as(coordinator).post(`webhooks/deliveries/${deliveryId}/redeliver`),
      409,
      'WEBHOOK.REMOVED',
    );
  });
});
