import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { asCityId } from '@rl/kernel';
import { HostResolver } from '@rl/outbound';
import { NotificationQueues } from '../../libs/notifications/src/notification-queues';
import { ApiHarness, eventually, expectProblem, Session, sleep, suiteQueues, TestCity } from '../support';
import { Receiver } from '../support/webhook-receiver';

// Issue 10, attack 3: a coordinator registers a webhook that points into the hosting network (Redis on
// 6379, any loopback port, cloud metadata) and reads what the worker found there from `lastError`.
// Here private targets are not allowed (as in production); the internal service is a receiver on
// 127.0.0.1 that counts connections, so "refused" means not even a TCP connection.
describe('Webhooks cannot reach internal addresses (SSRF)', () => {
  let api: ApiHarness;
  let receiver: Receiver;
  let city: TestCity;
  let coordinator: Session;

  const register = (url: string) =>
    api.http
      .post(`/v1/cities/${city.slug}/webhooks`)
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ url });
  const deliveries = async () =>
    (
      await api.http
        .get(`/v1/cities/${city.slug}/webhooks/deliveries`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .expect(200)
    ).body as { id: string; status: string; lastError: string | null; responseStatus: number | null }[];
  const inCity = (sql: string, params: unknown[]) =>
    api.app.get(DataSource).transaction(async (em) => {
      await em.query(`select set_config('app.tenant_id', $1, true)`, [city.id]);
      await em.query(sql, params);
    });
  // A delivery owed to the endpoint, handed to the worker as the notice outbox would.
  const deliver = async (endpointId: string) => {
    const deliveryId = randomUUID();
    await inCity(
      `INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, key, event, payload, status)
       VALUES ($1, $2, $3, $4, 'reminder.upcoming', '{}', 'pending')`,
      [city.id, deliveryId, endpointId, `test:${deliveryId}`],
    );
    await api.app.get(NotificationQueues).wakeWebhooks(asCityId(city.id), [deliveryId]);
    return eventually('the dead-lettered delivery', async () =>
      (await deliveries()).find((d) => d.id === deliveryId && d.status === 'dead'),
    );
  };

  beforeAll(async () => {
    receiver = await Receiver.start();
    let operator: Session;
    ({ api, operator } = await ApiHarness.startWithOperator({
      WEBHOOK_ALLOW_PRIVATE: 'false',
      WEBHOOK_BACKOFF_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '2',
      ...suiteQueues('ssrf'),
    }));
    city = await api.city(operator, 'Ghent');
    coordinator = await api.member(operator, city, 'coordinator');
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api.close();
    await receiver.close();
  });

  it('refuses internal targets at registration with 422 naming url', async () => {
    const port = receiver.port;
    for (const url of [
      `http://127.0.0.1:${port}/hook`,
      'http://127.0.0.1:6379/',
      'http://127.0.0.1:1/',
      `http://localhost:${port}/hook`,
      `http://[::1]:${port}/hook`,
      `http://[::ffff:127.0.0.1]:${port}/hook`,
      `http://0.0.0.0:${port}/hook`,
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://10.0.0.5/hook',
      'http://192.168.1.1/hook',
      'http://100.64.0.1/hook',
    ]) {
      const problem = expectProblem(await register(url), 422, 'WEBHOOK.URL_REFUSED');
      expect([url, problem.errors.map((e) => e.field)]).toEqual([url, ['url']]);
    }
    // Decimal and octal forms of 127.0.0.1 are refused by the URL check already (400); the guarded
    // client would read them as 127.0.0.1 anyway (unit tests).
    for (const url of [`http://2130706433:${port}/hook`, `http://0177.0.0.1:${port}/hook`]) {
      const res = await register(url);
      expect([400, 422]).toContain(res.status);
      expect(expectProblem(res, res.status).errors.map((e) => e.field)).toEqual(['url']);
    }
    expect((await deliveries()).length).toBe(0);
    expect(receiver.connections).toBe(0);
  });

  it('refuses at delivery a name that resolved to a public address at registration and to 127.0.0.1 since (DNS rebinding)', async () => {
    const rebound = (address: string) => async (host: string) =>
      host === 'hooks.rebind.test' ? [{ address, family: 4 }] : [];
    jest.spyOn(api.app.get(HostResolver), 'resolve').mockImplementation(rebound('93.184.215.14'));
    jest.spyOn(api.worker.get(HostResolver), 'resolve').mockImplementation(rebound('127.0.0.1'));

    const created = await register(`http://hooks.rebind.test:${receiver.port}/rebound`).expect(201);
    const dead = await deliver(created.body.id as string);

    expect(dead).toEqual(expect.objectContaining({ lastError: 'blocked_address', responseStatus: null }));
    expect(receiver.requests).toEqual([]);
    expect(receiver.connections).toBe(0);
    jest.restoreAllMocks();
  });

  it('refuses loopback URLs stored before these checks, and shows only a category', async () => {
    for (const url of [
      `http://127.0.0.1:${receiver.port}/legacy`,
      `http://localhost:${receiver.port}/legacy`,
    ]) {
      const endpointId = randomUUID();
      await inCity(
        `INSERT INTO webhook_endpoints (tenant_id, id, url, secret, events, active)
         VALUES ($1, $2, $3, 'whsec_test', '{}', true)`,
        [city.id, endpointId, url],
      );
      expect([url, (await deliver(endpointId)).lastError]).toEqual([url, 'blocked_address']);
    }
    await sleep(200);
    expect(receiver.requests).toEqual([]);
    expect(receiver.connections).toBe(0);
  });
});
