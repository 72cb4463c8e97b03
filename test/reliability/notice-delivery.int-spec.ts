import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventStore } from '@rl/event-store';
import { asCityId } from '@rl/kernel';
import { reminderPolicyStream } from '@rl/notifications';
import { ApiHarness, Session, TestCity } from '../support/api-harness';
import { MailCatcher } from '../support/mail-catcher';

// The outage the issue asks to survive, in real time.
const SMTP_OUTAGE_MS = 2 * 60_000;
// Each session's idle-in-transaction limit here, and a mail server slower than it.
const IDLE_IN_TRANSACTION_MS = 1_000;
const SLOW_SMTP_MS = 2_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface NoticeRow {
  id: string;
  recipient_id: string;
  status: string;
  attempts: number;
  error: string | null;
}

describe('E-mail notices arrive exactly once, whatever the mail server does', () => {
  let api: ApiHarness;
  let mail: MailCatcher;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let indicatorId: string;
  let db: DataSource;
  let periods = 0;

  const post = (path: string, body: object) =>
    api.http
      .post(`/v1/cities/${city.slug}/${path}`)
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send(body)
      .expect(201);

  // An organisation whose `collectors` collectors are assigned a period that ended a minute ago: the
  // reminder policy owes each of them an "overdue" e-mail at once.
  const overdue = async (collectors: number): Promise<Session[]> => {
    const organisationId = (
      await post('organisations', { name: `CSO ${randomUUID().slice(0, 6)}`, kind: 'cso' })
    ).body.id as string;
    const people: Session[] = [];
    for (let i = 0; i < collectors; i++) {
      people.push(await api.member(operator, city, 'collector', { organisationId }));
    }
    const n = periods++;
    const code = `${2030 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    const period = await post('periods', { code, deadline: new Date(Date.now() - 60_000).toISOString() });
    await post('assignments', { indicatorId, organisationId, periodId: period.body.id });
    return people;
  };

  // A query in this city's transaction, as the app role (row-level security applies).
  const inCity = <T>(sql: string, params: unknown[] = []) =>
    db.transaction(async (em) => {
      await em.query(`select set_config('app.tenant_id', $1, true)`, [city.id]);
      return em.query<T>(sql, params);
    });

  const notices = (people: Session[]) =>
    inCity<NoticeRow[]>(
      `SELECT id, recipient_id, status::text, attempts, error FROM notices
        WHERE channel = 'email' AND recipient_id = ANY($1::uuid[]) ORDER BY id`,
      [people.map((p) => p.user.id)],
    );

  const until = async <T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 30_000) => {
    for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(100)) {
      const value = await probe();
      if (value) return value;
    }
    throw new Error(`Timed out waiting for ${what}`);
  };

  const messageIds = (rows: NoticeRow[]) => rows.map((n) => `<${n.id}@rights-ledger>`);
  const caught = (messageId: string) => mail.mails.filter((m) => m.messageId === messageId).length;

  beforeAll(async () => {
    mail = await MailCatcher.start();
    ({ api, operator } = await ApiHarness.startWithOperator({
      SMTP_URL: mail.url,
      REMINDER_SWEEP_SECONDS: '1',
      // Retries during the outage: after 0.5 s, doubling up to 4 s.
      NOTICE_BACKOFF_MS: '500',
      NOTICE_BACKOFF_MAX_MS: '4000',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: String(IDLE_IN_TRANSACTION_MS),
      METRICS_CITY_LABELS: 'true',
    }));
    city = await api.city(operator, 'Padua');
    coordinator = await api.member(operator, city, 'coordinator');
    db = api.app.get(DataSource);
    await api.app
      .get(EventStore)
      .append(
        asCityId(city.id),
        reminderPolicyStream(city.id),
        'any',
        [{ type: 'ReminderPolicyChanged', data: { offsets: [{ offset: 'PT1S' }], quietHours: null } }],
        { actorId: coordinator.user.id },
      );
    indicatorId = (
      await post('indicators', {
        code: `HEA-${randomUUID().slice(0, 4)}`,
        name: { en: 'Vaccination coverage' },
        right: 'health',
        type: 'outcome',
        unit: 'percent',
        direction: 'higher_is_better',
        disaggregations: [],
        status: 'active',
      })
    ).body.id as string;
  });
  afterAll(async () => {
    await api.close();
    await mail.close();
  });
  afterEach(() => {
    mail.refuse = () => null;
    mail.delayMs = 0;
  });

  it(
    'delivers every notice exactly once after the mail server was down for 2 minutes',
    async () => {
      await mail.close();
      const downAt = Date.now();
      const people = [...(await overdue(4)), ...(await overdue(4)), ...(await overdue(4))];
      // Tried again and again during the outage, never given up.
      await until('two failed attempts of every notice', async () => {
        const rows = await notices(people);
        return rows.length === people.length && rows.every((n) => n.attempts >= 2);
      });
      await sleep(downAt + SMTP_OUTAGE_MS - Date.now());
      const during = await notices(people);
      expect(during.map((n) => n.status)).toEqual(people.map(() => 'pending'));
      expect(Math.min(...during.map((n) => n.attempts))).toBeGreaterThanOrEqual(5);
      expect(during[0].error).toMatch(/ECONNREFUSED/);

      await mail.resume();
      const upAt = Date.now();
      await until('every notice at the mail server', () =>
        Promise.resolve(messageIds(during).every((id) => caught(id) > 0)),
      );
      const deliveredMs = Date.now() - upAt;
      process.stdout.write(
        `SMTP down ${Math.round((upAt - downAt) / 1000)} s; ${people.length} notices delivered ${deliveredMs} ms after it came back\n`,
      );
      await sleep(3_000); // more reconciler passes: nothing may go twice
      expect(messageIds(during).map(caught)).toEqual(people.map(() => 1));
      expect(people.flatMap((p) => mail.to(p.user.email))).toHaveLength(people.length);
      const after = await notices(people);
      expect(after.map((n) => n.status)).toEqual(people.map(() => 'sent'));
      const [{ failed }] = await inCity<{ failed: number }[]>(
        `SELECT count(*)::int AS failed FROM notices WHERE status = 'failed'`,
      );
      expect(failed).toBe(0);
    },
    SMTP_OUTAGE_MS + 90_000,
  );

  it('does not repeat a send when the mail server is slower than the idle-in-transaction limit', async () => {
    mail.delayMs = SLOW_SMTP_MS;
    const people = await overdue(3);
    await until(
      'every notice sent',
      async () => {
        const rows = await notices(people);
        return rows.length === people.length && rows.every((n) => n.status === 'sent') && rows;
      },
      60_000,
    );
    await sleep(SLOW_SMTP_MS + 2_000); // a repeated send would be on its way now
    const rows = await notices(people);
    expect(messageIds(rows).map(caught)).toEqual([1, 1, 1]);
    expect(rows.map((n) => n.attempts)).toEqual([0, 0, 0]);
  });

  it('leaves a notice claimed by another worker alone until the lease ends, then sends it once', async () => {
    mail.refuse = () => new Error('try again later');
    const people = await overdue(1);
    const [first] = await until('a refused attempt', async () => {
      const rows = await notices(people);
      return rows.length === 1 && rows[0].attempts >= 1 && rows;
    });
    // A worker claimed it and died mid-send: its lease runs 3 more seconds.
    const [[claimed]] = await inCity<[{ lease_until: Date }[], number]>(
      `UPDATE notices SET claimed_by = $2, lease_until = now() + interval '3 seconds', retry_at = now()
        WHERE id = $1 RETURNING lease_until`,
      [first.id, randomUUID()],
    );
    const leaseUntil = new Date(claimed.lease_until).getTime();
    mail.refuse = () => null;
    const [arrived] = await mail.waitFor(people[0].user.email, 1);
    expect(arrived.receivedAt).toBeGreaterThanOrEqual(leaseUntil);
    expect(arrived.messageId).toBe(`<${first.id}@rights-ledger>`);
    await sleep(2_000);
    expect(mail.to(people[0].user.email)).toHaveLength(1);
    expect((await notices(people)).map((n) => n.status)).toEqual(['sent']);
  });

  it('gives up a notice past its maximum age: failed, never sent, counted in /metrics', async () => {
    mail.refuse = () => new Error('mailbox unavailable');
    const people = await overdue(1);
    const [refused] = await until('a refused attempt', async () => {
      const rows = await notices(people);
      return rows.length === 1 && rows[0].attempts >= 1 && rows;
    });
    // Due 73 hours ago: one hour past the default NOTICE_MAX_AGE_HOURS.
    await inCity(`UPDATE notices SET send_after = now() - interval '73 hours' WHERE id = $1`, [refused.id]);
    const [failed] = await until('the notice given up', async () => {
      const rows = await notices(people);
      return rows[0].status === 'failed' && rows;
    });
    expect(failed.error).toMatch(/mailbox unavailable/);
    mail.refuse = () => null;
    await sleep(2_000); // reconciler passes: a failed notice is not woken again
    expect(mail.to(people[0].user.email)).toHaveLength(0);
    expect((await notices(people))[0].status).toBe('failed');

    const metrics = await api.http.get('/metrics').expect(200);
    expect(metrics.text).toContain(
      `rl_notification_outcomes{city="${city.slug}",metric="notices",status="failed",detail="email"} 1`,
    );
  });
});
