import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventStore } from '@rl/event-store';
import { asCityId } from '@rl/kernel';
import { NotificationSweep, ReminderPolicy, reminderPolicyStream } from '@rl/notifications';
import { QueueName } from '@rl/queue';
import { createWorker } from '@rl/worker';
import { ApiHarness, cityClient, Session, sleep, TestCity } from '../support';
import { MailCatcher } from '../support/mail-catcher';

// A Redis database of its own: this suite empties it (as a Redis restart without persistence would),
// which must not touch the queues of suites running in parallel.
const REDIS_DB = 7;

const inSeconds = (s: number) => new Date(Date.now() + s * 1_000);

describe('Deadline reminders over real SMTP, PostgreSQL and Redis', () => {
  let api: ApiHarness;
  let mail: MailCatcher;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let official: Session;
  let indicatorId: string;
  let db: DataSource;
  let periodCount = 0;

  const as = (session: Session) => cityClient(api, city, session);

  const setPolicy = (policy: ReminderPolicy) =>
    api.app
      .get(EventStore)
      .append(
        asCityId(city.id),
        reminderPolicyStream(city.id),
        'any',
        [{ type: 'ReminderPolicyChanged', data: policy }],
        { actorId: coordinator.user.id },
      );

  // An organisation with `collectors` collectors, a period with the given deadline, and the assignment.
  const work = async (deadline: Date, collectors = 1) => {
    const organisationName = `CSO ${randomUUID().slice(0, 6)}`;
    const organisationId = (
      await as(coordinator).post('organisations').send({ name: organisationName, kind: 'cso' }).expect(201)
    ).body.id as string;
    const people: Session[] = [];
    for (let i = 0; i < collectors; i++) {
      people.push(await api.member(operator, city, 'collector', { organisationId }));
    }
    const n = periodCount++;
    const code = `${2040 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    const period = await as(coordinator)
      .post('periods')
      .send({ code, deadline: deadline.toISOString() })
      .expect(201);
    const assignment = await as(coordinator)
      .post('assignments')
      .send({ indicatorId, organisationId, periodId: period.body.id })
      .expect(201);
    return {
      organisationId,
      organisationName,
      deadline,
      periodId: period.body.id as string,
      assignmentId: assignment.body.id as string,
      people,
    };
  };

  const reminders = (assignmentId: string) =>
    db.transaction(async (em) => {
      await em.query(`select set_config('app.tenant_id', $1, true)`, [city.id]);
      return em.query<
        { offset_key: string; status: string; outcome: string | null; due_at: Date; deadline: Date }[]
      >(
        `SELECT offset_key, status, outcome, due_at, deadline FROM reminders WHERE assignment_id = $1 ORDER BY due_at`,
        [assignmentId],
      );
    });

  beforeAll(async () => {
    // Jobs of an earlier run would wake up against this run's fresh database.
    const redis = new Redis(`redis://127.0.0.1:6379/${REDIS_DB}`);
    await redis.flushdb();
    redis.disconnect();
    mail = await MailCatcher.start();
    ({ api, operator } = await ApiHarness.startWithOperator({
      SMTP_URL: mail.url,
      REMINDER_SWEEP_SECONDS: '2',
      // A refused e-mail is tried again this soon (then at the reconciler's next pass).
      NOTICE_BACKOFF_MS: '200',
      REDIS_URL: `redis://127.0.0.1:6379/${REDIS_DB}`,
      // The counts below are this city's: other suites share the database.
      METRICS_CITY_LABELS: 'true',
    }));
    city = await api.city(operator, 'Ghent');
    coordinator = await api.member(operator, city, 'coordinator');
    official = await api.member(operator, city, 'official');
    db = api.app.get(DataSource);
    const indicator = await as(coordinator)
      .post('indicators')
      .send({
        code: `EDU-${randomUUID().slice(0, 4)}`,
        name: { en: 'Early school leavers', nl: 'Vroegtijdige schoolverlaters' },
        right: 'education',
        type: 'outcome',
        unit: 'percent',
        direction: 'lower_is_better',
        disaggregations: [],
        status: 'active',
      })
      .expect(201);
    indicatorId = indicator.body.id as string;
  });
  afterAll(async () => {
    await api.close();
    await mail.close();
  });

  it('sends each reminder at its offset, in the language and time zone of the recipient, never early', async () => {
    await setPolicy({ offsets: [{ offset: '-PT6S' }, { offset: '-PT3S' }], quietHours: null });
    const deadline = inSeconds(10);
    const { people } = await work(deadline);
    const [collector] = people;

    const mails = await mail.waitFor(collector.user.email, 2);
    const due = [deadline.getTime() - 6_000, deadline.getTime() - 3_000];
    mails.forEach((m, i) => {
      expect(m.receivedAt).toBeGreaterThanOrEqual(due[i] - 50);
      expect(m.receivedAt - due[i]).toBeLessThan(3_000);
      expect(m.kind).toBe('reminder.upcoming');
    });
    // The city speaks Dutch; the deadline is shown in Brussels time.
    const local = DateTime.fromJSDate(deadline, { zone: 'Europe/Brussels' }).toFormat('HH:mm');
    expect(mails[0].text).toContain(local);
    expect(mails[0].text).toContain('Europe/Brussels');
    expect(mails[0].subject).toContain('Ghent');
    expect(mails[0].text).toMatch(/Vroegtijdige schoolverlaters/);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(2);
  });

  it('holds e-mails in the quiet hours of the recipient’s own time zone, but not the in-app notice', async () => {
    // Quiet from an hour ago to an hour ahead in Tokyo: not quiet in Brussels (8 hours behind).
    const tokyo = DateTime.now().setZone('Asia/Tokyo');
    const quietHours = {
      start: tokyo.minus({ hours: 1 }).toFormat('HH:mm'),
      end: tokyo.plus({ hours: 1 }).toFormat('HH:mm'),
    };
    await setPolicy({ offsets: [{ offset: '-PT3S' }], quietHours });
    const deadline = inSeconds(8);
    const { people } = await work(deadline, 2);
    const [brussels, abroad] = people;
    await db.query(`INSERT INTO notification_preferences (user_id, timezone) VALUES ($1, 'Asia/Tokyo')`, [
      abroad.user.id,
    ]);

    await mail.waitFor(brussels.user.email, 1);
    await sleep(1_500);
    expect(mail.to(abroad.user.email)).toHaveLength(0);
    const held = await db.transaction(async (em) => {
      await em.query(`select set_config('app.user_id', $1, true)`, [abroad.user.id]);
      return em.query<{ channel: string; status: string; send_after: Date }[]>(
        `SELECT channel, status, send_after FROM notices WHERE recipient_id = $1 ORDER BY channel`,
        [abroad.user.id],
      );
    });
    expect(held.map((n) => [n.channel, n.status])).toEqual([
      ['email', 'pending'],
      ['in_app', 'sent'],
    ]);
    const release = tokyo.plus({ hours: 1 }).set({ second: 0, millisecond: 0 });
    expect(new Date(held[0].send_after).toISOString()).toBe(release.toUTC().toISO());
  });

  it('moves the reminders when the deadline moves', async () => {
    await setPolicy({ offsets: [{ offset: '-PT5S' }], quietHours: null });
    const first = inSeconds(8);
    const { periodId, assignmentId, people } = await work(first);
    const moved = inSeconds(14);
    const period = await as(coordinator).get(`periods/${periodId}`).expect(200);
    await as(coordinator)
      .patch(`periods/${periodId}`)
      .set('If-Match', String(period.body.version))
      .send({ deadline: moved.toISOString() })
      .expect(200);

    const [only] = await mail.waitFor(people[0].user.email, 1, 15_000);
    expect(only.receivedAt).toBeGreaterThanOrEqual(moved.getTime() - 5_000 - 50);
    const rows = await reminders(assignmentId);
    expect(rows.map((r) => [r.status, r.outcome])).toEqual([
      ['cancelled', 'rescheduled'],
      ['sent', 'reminder.upcoming'],
    ]);
    expect(new Date(rows[1].deadline).getTime()).toBe(moved.getTime());
  });

  it('stops reminding once the data is submitted, and asks for a correction once it is returned', async () => {
    await setPolicy({ offsets: [{ offset: '-PT9S' }, { offset: '-PT5S' }], quietHours: null });
    const deadline = inSeconds(12);
    const { assignmentId, periodId, people } = await work(deadline);
    const [collector] = people;
    await mail.waitFor(collector.user.email, 1);

    const submitted = await as(collector)
      .post('submissions')
      .send({ indicatorId, periodId, observations: [{ disaggregation: {}, value: 7.5 }] })
      .expect(201);
    await sleep(Math.max(0, deadline.getTime() - 5_000 - Date.now()) + 1_500);
    expect(mail.to(collector.user.email)).toHaveLength(1);
    expect((await reminders(assignmentId)).map((r) => r.outcome)).toEqual(['reminder.upcoming', 'submitted']);

    await as(official)
      .post(`submissions/${submitted.body.id}/return`)
      .send({ reason: 'Percent, not count' })
      .expect(200);
    const mails = await mail.waitFor(collector.user.email, 3);
    expect(
      mails
        .slice(1)
        .map((m) => m.kind)
        .sort(),
    ).toEqual(['reminder.please-correct', 'submission.returned']);
    expect(mails.find((m) => m.kind === 'submission.returned')?.text).toContain('Percent, not count');
    await sleep(1_500);
    expect(mail.to(collector.user.email)).toHaveLength(3);
  });

  it('escalates overdue reminders to the coordinators', async () => {
    await setPolicy({ offsets: [{ offset: 'PT1S', escalate: true }], quietHours: null });
    const deadline = inSeconds(3);
    const { people, organisationName } = await work(deadline);
    const [overdue] = await mail.waitFor(people[0].user.email, 1);
    expect(overdue.kind).toBe('reminder.overdue');
    expect(overdue.receivedAt).toBeGreaterThanOrEqual(deadline.getTime() + 1_000 - 50);
    // (The new policy also applies to the open assignments of earlier tests: they escalate too.)
    const escalation = () => mail.to(coordinator.user.email).filter((m) => m.text.includes(organisationName));
    for (const until = Date.now() + 10_000; escalation().length === 0 && Date.now() < until;) await sleep(50);
    expect(escalation().map((m) => m.kind)).toEqual(['reminder.escalation']);
    expect(mail.to(people[0].user.email)).toHaveLength(1);
  });

  it('counts reminders sent and skipped, notices and queue jobs in /metrics', async () => {
    await sleep(1_000); // sends still in flight
    const res = await api.http.get('/metrics').expect(200);
    const count = (labels: string) =>
      Number(new RegExp(`rl_notification_outcomes\\{${labels}\\} (\\d+)`).exec(res.text)?.[1] ?? 0);
    const mine = `city="${city.slug}",metric="reminders"`;
    expect(count(`${mine},status="sent",detail="reminder.upcoming"`)).toBeGreaterThanOrEqual(4);
    expect(count(`${mine},status="sent",detail="reminder.overdue"`)).toBeGreaterThanOrEqual(1);
    expect(count(`${mine},status="cancelled",detail="rescheduled"`)).toBeGreaterThanOrEqual(1);
    expect(count(`city="${city.slug}",metric="notices",status="sent",detail="email"`)).toBe(
      mail.mails.length,
    );
    expect(res.text).toMatch(/rl_queue_jobs\{queue="reminders",state="failed"\} \d+/);
  });

  // (Each refused e-mail waits for its backoff and the reconciler's next pass: more than jest's 30 s.)
  it('delivers exactly one e-mail per key with two workers, refused deliveries and duplicate wake-ups', async () => {
    const second: INestApplicationContext = await createWorker(api.config);
    await second.init();
    try {
      await setPolicy({ offsets: [{ offset: '-PT10S' }], quietHours: null });
      // The mail server refuses every message once: each one is retried after its backoff.
      const refused = new Set<string>();
      mail.refuse = (id) => (refused.has(id) ? null : (refused.add(id), new Error('try again later')));
      const deadline = inSeconds(15);
      const jobs = await Promise.all(Array.from({ length: 8 }, () => work(deadline, 2)));
      // Duplicate wake-ups under other job ids, on both workers' queues, as a buggy producer would send.
      const queue = api.worker.get<Queue>(getQueueToken(QueueName.Reminders));
      const rows = await db.transaction(async (em) => {
        await em.query(`select set_config('app.tenant_id', $1, true)`, [city.id]);
        return em.query<{ id: string; due_at: Date }[]>(
          `SELECT id, due_at FROM reminders WHERE assignment_id = ANY($1::uuid[])`,
          [jobs.map((j) => j.assignmentId)],
        );
      });
      await queue.addBulk(
        rows.flatMap((r) =>
          [1, 2, 3].map((n) => ({
            name: 'reminders.fire',
            data: { cityId: city.id, reminderId: r.id },
            opts: {
              jobId: `dup-${n}-${r.id}`,
              delay: Math.max(0, new Date(r.due_at).getTime() - Date.now()),
            },
          })),
        ),
      );
      const recipients = jobs.flatMap((j) => j.people.map((p) => p.user.email));
      for (const email of recipients) await mail.waitFor(email, 1);
      await sleep(2_500);
      for (const email of recipients) {
        const [only, ...more] = mail.to(email);
        expect(more).toHaveLength(0);
        expect(refused.has(only.messageId)).toBe(true);
      }
    } finally {
      mail.refuse = () => null;
      await second.close();
    }
  }, 60_000);

  it('restores every pending reminder after Redis loses everything', async () => {
    await setPolicy({ offsets: [{ offset: '-P3D' }, { offset: '-PT4S' }], quietHours: null });
    const far = await Promise.all([work(inSeconds(30 * 86_400)), work(inSeconds(40 * 86_400))]);
    // Due in 25 s: its -PT4S reminder must still be pending when the sweep runs, even on a loaded machine.
    const soon = await work(inSeconds(25));
    const redis = new Redis(`redis://127.0.0.1:6379/${REDIS_DB}`);
    try {
      await sleep(500);
      await redis.flushdb();
      const queue = api.worker.get<Queue>(getQueueToken(QueueName.Reminders));
      // (The worker's own timer may get there first; either way one sweep restores everything.)
      await api.worker.get(NotificationSweep).sweep();
      for (const { assignmentId } of [...far, soon]) {
        const pending = await db.transaction(async (em) => {
          await em.query(`select set_config('app.tenant_id', $1, true)`, [city.id]);
          return em.query<{ id: string; due_at: Date }[]>(
            `SELECT id, due_at FROM reminders WHERE assignment_id = $1 AND status = 'pending'`,
            [assignmentId],
          );
        });
        expect(pending.length).toBeGreaterThan(0);
        for (const reminder of pending) {
          const job = await queue.getJob(`reminder-${reminder.id}`);
          expect(job).toBeDefined();
          expect(job!.timestamp + job!.delay).toBeGreaterThanOrEqual(
            new Date(reminder.due_at).getTime() - 1_000,
          );
        }
      }
      // The reminder due in seconds still arrives, on time (its -P3D sibling fell due days ago: not owed).
      const [arrived] = await mail.waitFor(soon.people[0].user.email, 1, 40_000);
      expect(arrived.kind).toBe('reminder.upcoming');
      expect(arrived.receivedAt).toBeGreaterThanOrEqual(soon.deadline.getTime() - 4_000 - 50);
    } finally {
      redis.disconnect();
    }
  }, 90_000);
});
