import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { mkdirSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { createApi } from '@rl/api';
import { AppConfig } from '@rl/config';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import {
  DEFAULT_REMINDER_POLICY,
  REMINDER_SCHEDULE_PROJECTION,
  reminderPolicyStream,
} from '@rl/notifications';
import { databaseName, databaseUrl } from '@rl/persistence';
import { QueueName } from '@rl/queue';
import { CreateAssignmentCommand, MovePeriodDeadlineCommand, periodStream } from '@rl/reporting';
import { createWorker } from '@rl/worker';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import {
  benchConfig,
  connect,
  deleteQueueKeys,
  log,
  now,
  percentile,
  round,
  runBench,
  sleep,
  table,
} from './bench-kit';
import { seedCity } from './seed-city';

// npm run bench:reminders: the deadline engine at 10,000 assignments. Phase 1 starts the worker on a city
// whose 10,000 assignments already exist and times how long it takes to schedule their reminders (rows in
// PostgreSQL plus one delayed BullMQ job each) and how much Redis memory those jobs take. Phase 2 switches
// the city to one reminder 20 s before the deadline and moves the ten deadlines into the next minute, so
// 1,000 reminders fall due every 5 s, and measures how late the in-app notices and e-mails go out. API,
// worker and an SMTP server (smtp-server: it pauses 100 ms before each greeting, its early-talker check,
// so the number of SMTP sessions is reported too) run in this process on a scratch database.
// BENCH_DRAIN_SECONDS: how long to wait for e-mails after the last reminder fell due (default 180: what is
// still unsent then is reported as "not yet" and bounds the percentiles from below). BENCH_ANALYZE=false:
// skip the ANALYZE after phase 1 (see below). BENCH_FIRST_DEADLINE_SECONDS: lead time of the first deadline.
const ORGANISATIONS = 20;
const INDICATORS = 50;
const PERIODS = 10;
const ASSIGNMENTS = ORGANISATIONS * INDICATORS * PERIODS; // 10,000
const CREATE_CONCURRENCY = 16;
const TIMEZONE = 'Europe/Brussels';
const FIRST_DEADLINE_SECONDS = Number(process.env.BENCH_FIRST_DEADLINE_SECONDS ?? 40);
const DEADLINE_STEP_SECONDS = 5;
const FIRE_OFFSET = '-PT20S';
const FIRE_OFFSET_MS = 20_000;
const SCHEDULE_TIMEOUT_MS = 5 * 60_000;
// How long to wait for the last e-mails after the last reminder fell due.
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 180);
const ANALYZE = process.env.BENCH_ANALYZE !== 'false';

interface Setup {
  cityId: CityId;
  coordinatorId: string;
  periodIds: string[];
  setupSeconds: number;
  assignmentSeconds: number;
}

// Accepts every message and notes when it arrived under its Message-ID (the notice id), and how many
// SMTP sessions the mailer opened (at most how many at once).
class MailCounter {
  readonly received = new Map<string, number[]>();
  sessions = 0;
  peakSessions = 0;
  private open = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect: (_session, callback) => {
      this.sessions++;
      this.peakSessions = Math.max(this.peakSessions, ++this.open);
      callback();
    },
    onClose: () => {
      this.open--;
    },
    onData: (stream, _session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const headers = head.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
        const id = /^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? '';
        const times = this.received.get(id) ?? [];
        times.push(Date.now());
        this.received.set(id, times);
        callback();
      });
    },
  });

  async start(): Promise<string> {
    this.server.on('error', () => undefined);
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  get total(): number {
    let n = 0;
    for (const times of this.received.values()) n += times.length;
    return n;
  }

  get duplicates(): number {
    let n = 0;
    for (const times of this.received.values()) n += times.length - 1;
    return n;
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

async function setUp(commands: CommandBus): Promise<Setup> {
  const started = now();
  const { cityId, operatorId, coordinatorId, organisationIds, indicatorIds, periodIds } = await seedCity(
    commands,
    {
      label: 'bench',
      organisations: ORGANISATIONS,
      indicators: INDICATORS,
      periods: PERIODS,
      deadline: new Date(Date.now() + 30 * 86_400_000),
      timezone: TIMEZONE,
    },
  );
  const as = { actorId: operatorId, actorRole: 'operator' };
  const setupSeconds = (now() - started) / 1_000;

  const assignmentsStarted = now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CREATE_CONCURRENCY }, async () => {
      for (let n = next++; n < ASSIGNMENTS; n = next++) {
        await commands.execute(
          new CreateAssignmentCommand(
            cityId,
            {
              indicatorId: indicatorIds[n % INDICATORS],
              organisationId: organisationIds[Math.floor(n / INDICATORS) % ORGANISATIONS],
              periodId: periodIds[Math.floor(n / (INDICATORS * ORGANISATIONS))],
            },
            as,
          ),
        );
      }
    }),
  );
  return {
    cityId,
    coordinatorId,
    periodIds,
    setupSeconds,
    assignmentSeconds: (now() - assignmentsStarted) / 1_000,
  };
}

// Queries on the city's rows: every tenant table forces row-level security, for its owner too.
async function inCity<T>(admin: Client, cityId: CityId, work: () => Promise<T>): Promise<T> {
  await admin.query('BEGIN');
  try {
    await admin.query(`SELECT set_config('app.tenant_id', $1, true)`, [cityId]);
    const result = await work();
    await admin.query('COMMIT');
    return result;
  } catch (error) {
    await admin.query('ROLLBACK');
    throw error;
  }
}

async function scheduleState(admin: Client, cityId: CityId) {
  return inCity(admin, cityId, async () => {
    const { rows } = await admin.query<{ head: string; checkpoint: string | null; pending: string }>(
      `SELECT (SELECT last_position FROM tenant_heads WHERE tenant_id = $1) AS head,
              (SELECT position FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2) AS checkpoint,
              (SELECT count(*) FROM reminders WHERE tenant_id = $1 AND status = 'pending') AS pending`,
      [cityId, REMINDER_SCHEDULE_PROJECTION],
    );
    return {
      head: Number(rows[0].head),
      checkpoint: Number(rows[0].checkpoint ?? 0),
      pending: Number(rows[0].pending),
    };
  });
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

// Bytes held by this run's reminders queue (its job hashes, the delayed set, …): unlike used_memory, not
// disturbed by whatever else shares the Redis server.
async function queueBytes(redis: Redis, config: AppConfig): Promise<{ keys: number; bytes: number }> {
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [nextCursor, batch] = await redis.scan(
      cursor,
      'MATCH',
      `${config.redis.queuePrefix}:${QueueName.Reminders}:*`,
      'COUNT',
      1_000,
    );
    cursor = nextCursor;
    if (batch.length === 0) continue;
    const pipeline = redis.pipeline();
    for (const key of batch) pipeline.memory('USAGE', key, 'SAMPLES', 0);
    for (const [, size] of (await pipeline.exec()) ?? []) bytes += Number(size ?? 0);
    keys += batch.length;
  } while (cursor !== '0');
  return { keys, bytes };
}

async function until(
  what: string,
  timeoutMs: number,
  done: () => Promise<boolean>,
  pollMs = 100,
): Promise<void> {
  const deadline = now() + timeoutMs;
  while (!(await done())) {
    if (now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1_000} s waiting for ${what}`);
    await sleep(pollMs);
  }
}

// Waits for the projection to reach the city's head; returns the seconds taken since `started`.
async function caughtUp(admin: Client, cityId: CityId, what: string, started: number): Promise<number> {
  await until(what, SCHEDULE_TIMEOUT_MS, async () => {
    const state = await scheduleState(admin, cityId);
    return state.checkpoint >= state.head;
  });
  return (now() - started) / 1_000;
}

async function reminderCounts(admin: Client, cityId: CityId): Promise<string> {
  const rows = await inCity(admin, cityId, async () => {
    const result = await admin.query<{ status: string; outcome: string; n: string }>(
      `SELECT status::text AS status, coalesce(outcome, '') AS outcome, count(*) AS n FROM reminders
        WHERE tenant_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [cityId],
    );
    return result.rows;
  });
  return rows.map((r) => `${r.status}${r.outcome ? ` (${r.outcome})` : ''} ${r.n}`).join(', ');
}

interface Sample {
  due: number;
  // When it happened, or null if it had not by the end of the run.
  at: number | null;
}

interface Delays {
  done: number;
  missing: number;
  // Completed per second, from the first due time to the last completion.
  perSecond: number;
  p50: number | string;
  p95: number | string;
  p99: number | string;
  max: number | string;
}

// Percentiles of `at - due` in ms. What had not happened when the run stopped took at least until then:
// a percentile that depends on it is shown as bounds, "lo–hi" or ">lo" (exact when nothing is missing).
function delays(samples: readonly Sample[], stoppedAt: number): Delays {
  const done = samples.filter((s) => s.at !== null);
  const lower = samples.map((s) => (s.at ?? stoppedAt) - s.due).sort((a, b) => a - b);
  const upper = samples.map((s) => (s.at === null ? Infinity : s.at - s.due)).sort((a, b) => a - b);
  const show = (lo: number, hi: number) =>
    lo === hi
      ? round(hi)
      : Number.isFinite(hi)
        ? `${Math.round(lo)}–${Math.round(hi)}`
        : `>${Math.round(lo)}`;
  const at = (p: number) => show(percentile(lower, p), percentile(upper, p));
  const lastAt = Math.max(...done.map((s) => s.at as number));
  const firstDue = Math.min(...samples.map((s) => s.due));
  return {
    done: done.length,
    missing: samples.length - done.length,
    perSecond: done.length === 0 ? 0 : Math.round(done.length / ((lastAt - firstDue) / 1_000)),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: show(lower[lower.length - 1], upper[upper.length - 1]),
  };
}

interface FiredRow {
  due: string;
  status: string;
  in_app: string | null;
  email_id: string | null;
  email_sent: string | null;
}

async function main(): Promise<void> {
  const mail = new MailCounter();
  process.env.SMTP_URL = await mail.start();
  const config = benchConfig(20);
  log(
    `Reminder benchmark on scratch database ${databaseName(config)} (${cpus().length} CPUs, Node ${process.version}, ` +
      `load average ${loadavg()[0].toFixed(1)})`,
  );
  await bootstrapDatabase(config);
  const api = await createApi(config);
  let worker: INestApplicationContext | undefined;
  const admin = await connect(databaseUrl(config, 'admin'));
  const redis = new Redis(config.redis.url);
  try {
    const commands = api.get(CommandBus);
    const events = api.get(EventStore);
    const queue = api.get<Queue>(getQueueToken(QueueName.Reminders));
    log(`Setting up 1 city, ${ORGANISATIONS} organisations with a collector each, ${INDICATORS} indicators,`);
    log(`${PERIODS} periods and ${ASSIGNMENTS.toLocaleString('en')} assignments (worker not running yet)…`);
    const setup = await setUp(commands);
    const { cityId } = setup;
    log(
      `Set-up ${round(setup.setupSeconds)} s; ${ASSIGNMENTS.toLocaleString('en')} assignments in ${round(setup.assignmentSeconds)} s ` +
        `(${Math.round(ASSIGNMENTS / setup.assignmentSeconds)}/s, ${CREATE_CONCURRENCY} commands in parallel)`,
    );

    // Phase 1: the worker starts and schedules every reminder of the default policy.
    const expected = ASSIGNMENTS * DEFAULT_REMINDER_POLICY.offsets.length;
    const memoryBefore = await usedMemory(redis);
    const scheduleStarted = now();
    worker = await createWorker(config);
    const bootSeconds = (now() - scheduleStarted) / 1_000;
    let delayed = 0;
    let state = await scheduleState(admin, cityId);
    await until('the reminders to be scheduled', SCHEDULE_TIMEOUT_MS, async () => {
      state = await scheduleState(admin, cityId);
      if (state.checkpoint < state.head) return false;
      delayed = await queue.getDelayedCount();
      return delayed === state.pending;
    });
    const scheduleSeconds = (now() - scheduleStarted) / 1_000;
    const memoryAfter = await usedMemory(redis);
    const queueMemory = await queueBytes(redis, config);
    if (state.pending !== expected)
      log(`Warning: ${state.pending} pending reminders, expected ${expected.toLocaleString('en')}`);
    const scheduled = {
      assignments: ASSIGNMENTS,
      reminders: state.pending,
      delayedJobs: delayed,
      seconds: round(scheduleSeconds, 2),
      workerBootSeconds: round(bootSeconds, 2),
      assignmentsPerSecond: Math.round(ASSIGNMENTS / scheduleSeconds),
      remindersPerSecond: Math.round(state.pending / scheduleSeconds),
      redisUsedMemoryDeltaMb: round((memoryAfter - memoryBefore) / 1_048_576, 1),
      redisBytesPerDelayedJob: Math.round((memoryAfter - memoryBefore) / delayed),
      queueKeys: queueMemory.keys,
      queueMb: round(queueMemory.bytes / 1_048_576, 1),
      queueBytesPerDelayedJob: Math.round(queueMemory.bytes / delayed),
    };
    log(
      '\nPhase 1: scheduling the default policy (5 reminders per assignment) from a cold start of the worker',
    );
    log(
      table(
        [
          'assignments',
          'reminders',
          'delayed jobs',
          'seconds',
          'assignments/s',
          'reminders/s',
          'Redis used_memory +MB',
          'B/job',
          'reminders queue MB',
          'B/job',
        ],
        [
          [
            scheduled.assignments,
            scheduled.reminders,
            scheduled.delayedJobs,
            scheduled.seconds,
            scheduled.assignmentsPerSecond,
            scheduled.remindersPerSecond,
            scheduled.redisUsedMemoryDeltaMb,
            scheduled.redisBytesPerDelayedJob,
            scheduled.queueMb,
            scheduled.queueBytesPerDelayedJob,
          ],
        ],
      ),
    );
    log(
      `(seconds include ${scheduled.workerBootSeconds} s of worker start-up and the other projections catching up; ` +
        `used_memory is server-wide, the queue figure sums MEMORY USAGE over its ${queueMemory.keys} keys)`,
    );

    // What autovacuum would do after such a bulk insert (it is off on some servers and may not have run
    // yet on others): without statistics the planner expects one reminder row and the reschedule's
    // anti-join against unnest() becomes a nested loop over 50,000 × 10,000 rows, which exceeds the
    // statement timeout and is retried forever. BENCH_ANALYZE=false shows that.
    const autovacuum = (await admin.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0].autovacuum;
    if (ANALYZE) {
      await admin.query('ANALYZE reminders, reminder_targets, reminder_deadlines');
      log(
        `\nANALYZE reminders, reminder_targets, reminder_deadlines (autovacuum is ${autovacuum} on this server)`,
      );
    }

    // Phase 2: one reminder 20 s before the deadline (the policy change reschedules every assignment),
    // then the ten deadlines moved 5 s apart into the next minute: 1,000 reminders fall due every 5 s.
    const coordinator = { actorId: setup.coordinatorId, actorRole: 'coordinator' };
    const policyStarted = now();
    await events.append(
      cityId,
      reminderPolicyStream(cityId),
      'any',
      [{ type: 'ReminderPolicyChanged', data: { offsets: [{ offset: FIRE_OFFSET }], quietHours: null } }],
      coordinator,
    );
    const policySeconds = await caughtUp(admin, cityId, 'the policy change to be applied', policyStarted);
    const afterPolicy = { rows: await reminderCounts(admin, cityId), delayed: await queue.getDelayedCount() };

    const base = Date.now() + FIRST_DEADLINE_SECONDS * 1_000;
    const deadlines = setup.periodIds.map((_, i) => new Date(base + i * DEADLINE_STEP_SECONDS * 1_000));
    const firstDue = base - FIRE_OFFSET_MS;
    const lastDue = deadlines[deadlines.length - 1].getTime() - FIRE_OFFSET_MS;
    const moveStarted = now();
    for (const [i, periodId] of setup.periodIds.entries()) {
      const history = await events.readStream(cityId, periodStream(periodId));
      await commands.execute(
        new MovePeriodDeadlineCommand(
          cityId,
          TIMEZONE,
          periodId,
          history.length,
          { deadline: deadlines[i].toISOString() },
          coordinator,
        ),
      );
    }
    const moveSeconds = await caughtUp(admin, cityId, 'the moved deadlines to be applied', moveStarted);
    const leadSeconds = (firstDue - Date.now()) / 1_000;
    const afterMove = { rows: await reminderCounts(admin, cityId), delayed: await queue.getDelayedCount() };
    log(`\nPhase 2: rescheduling`);
    log(
      table(
        ['change', 'assignments', 'seconds', 'reminder rows afterwards', 'delayed jobs'],
        [
          [
            `policy → ${FIRE_OFFSET} only`,
            ASSIGNMENTS,
            round(policySeconds, 2),
            afterPolicy.rows,
            afterPolicy.delayed,
          ],
          [
            `${PERIODS} deadlines → now + ${FIRST_DEADLINE_SECONDS}…${FIRST_DEADLINE_SECONDS + (PERIODS - 1) * DEADLINE_STEP_SECONDS} s`,
            ASSIGNMENTS,
            round(moveSeconds, 2),
            afterMove.rows,
            afterMove.delayed,
          ],
        ],
      ),
    );
    log(`First reminders due ${round(leadSeconds)} s after rescheduling finished`);
    if (leadSeconds < 0)
      log('Warning: rescheduling outlasted the lead time; the first reminders are late already');

    // Firing: until every reminder is settled and every e-mail sent, or DRAIN_SECONDS after the last due time.
    const newDeadlines = deadlines.map((d) => d.toISOString());
    const stopAt = lastDue + DRAIN_SECONDS * 1_000;
    let progress = { reminders: 0, emails: 0 };
    let drained = false;
    let peakEmailBacklog = 0;
    await until(
      'every reminder and e-mail to go out',
      lastDue + DRAIN_SECONDS * 1_000 - Date.now() + 60_000,
      async () => {
        progress = await inCity(admin, cityId, async () => {
          const { rows } = await admin.query<{ reminders: string; emails: string }>(
            `SELECT (SELECT count(*) FROM reminders WHERE tenant_id = $1 AND status = 'pending'
                        AND deadline = ANY($2::timestamptz[]) AND due_at <= now()) AS reminders,
                    (SELECT count(*) FROM notices WHERE tenant_id = $1 AND status = 'pending' AND channel = 'email') AS emails`,
            [cityId, newDeadlines],
          );
          return { reminders: Number(rows[0].reminders), emails: Number(rows[0].emails) };
        });
        peakEmailBacklog = Math.max(peakEmailBacklog, progress.emails);
        drained = Date.now() > lastDue && progress.reminders === 0 && progress.emails === 0;
        return drained || Date.now() > stopAt;
      },
      250,
    );
    const stoppedAt = Date.now();
    if (!drained)
      log(
        `\nStopped ${DRAIN_SECONDS} s after the last due time with ${progress.reminders} reminders and ` +
          `${progress.emails} e-mails still pending (BENCH_DRAIN_SECONDS waits longer)`,
      );

    // A reminder's in-app notice is created (now(): the start of its transaction) as the reminder fires, so
    // its created_at is also when the reminder fired; an e-mail's sent_at is taken before the SMTP session,
    // the SMTP server's clock after it.
    const rows = await inCity(admin, cityId, async () => {
      const result = await admin.query<FiredRow>(
        `SELECT (extract(epoch FROM r.due_at) * 1000)::float8 AS due, r.status::text AS status,
                (extract(epoch FROM a.created_at) * 1000)::float8 AS in_app,
                e.id AS email_id, (extract(epoch FROM e.sent_at) * 1000)::float8 AS email_sent
           FROM reminders r
           LEFT JOIN notices a ON a.tenant_id = r.tenant_id AND a.key = 'reminder:' || r.id AND a.channel = 'in_app'
           LEFT JOIN notices e ON e.tenant_id = r.tenant_id AND e.key = 'reminder:' || r.id AND e.channel = 'email'
          WHERE r.tenant_id = $1 AND r.deadline = ANY($2::timestamptz[]) AND r.status <> 'cancelled'`,
        [cityId, newDeadlines],
      );
      return result.rows;
    });
    const num = (value: string | null) => (value === null ? null : Number(value));
    const inApp: Sample[] = [];
    const emailSent: Sample[] = [];
    const emailReceived: Sample[] = [];
    let sentNotReceived = 0;
    for (const row of rows) {
      const due = Number(row.due);
      inApp.push({ due, at: num(row.in_app) });
      emailSent.push({ due, at: num(row.email_sent) });
      const received = row.email_id ? mail.received.get(`<${row.email_id}@rights-ledger>`)?.[0] : undefined;
      emailReceived.push({ due, at: received ?? null });
      if (row.email_sent !== null && received === undefined) sentNotReceived++;
    }
    const notSent = rows.filter((r) => r.status !== 'sent' && r.status !== 'pending');
    const firing = {
      reminders: rows.length,
      skipped: notSent.length,
      drained,
      secondsAfterLastDue: round((stoppedAt - lastDue) / 1_000, 1),
      peakEmailBacklog,
      delaysMs: {
        inAppNotice: delays(inApp, stoppedAt),
        emailSentAt: delays(emailSent, stoppedAt),
        emailReceived: delays(emailReceived, stoppedAt),
      },
      emailsReceived: mail.total,
      smtpSessions: mail.sessions,
      peakSmtpSessions: mail.peakSessions,
      duplicateMessageIds: mail.duplicates,
      sentButNotReceived: sentNotReceived,
    };
    const line = (name: string, d: Delays): (string | number)[] => [
      name,
      d.done,
      d.missing,
      d.perSecond,
      d.p50,
      d.p95,
      d.p99,
      d.max,
    ];
    log(
      `\nDelay from due time (ms): ${rows.length.toLocaleString('en')} reminders due 1,000 every ${DEADLINE_STEP_SECONDS} s ` +
        `over ${round((lastDue - firstDue) / 1_000)} s; ${drained ? 'all out' : 'stopped'} ${firing.secondsAfterLastDue} s after the last due time`,
    );
    log(
      table(
        ['', 'done', 'not yet', 'per s', 'p50', 'p95', 'p99', 'max'],
        [
          line('in-app notice (created_at)', firing.delaysMs.inAppNotice),
          line('e-mail (sent_at)', firing.delaysMs.emailSentAt),
          line('e-mail received by SMTP server', firing.delaysMs.emailReceived),
        ],
      ),
    );
    log(
      `E-mails received: ${mail.total}; duplicate Message-IDs: ${mail.duplicates}; marked sent but not received: ` +
        `${sentNotReceived}; reminders skipped: ${notSent.length}; peak e-mail backlog: ${peakEmailBacklog}; ` +
        `SMTP sessions: ${mail.sessions} (at most ${mail.peakSessions} at once)`,
    );
    log(
      `\nSummary: ${scheduled.reminders.toLocaleString('en')} reminders for ${ASSIGNMENTS.toLocaleString('en')} assignments ` +
        `scheduled in ${scheduled.seconds} s (${scheduled.remindersPerSecond}/s), Redis +${scheduled.redisUsedMemoryDeltaMb} MB ` +
        `(~${scheduled.queueBytesPerDelayedJob} B per delayed job); due → in-app p99 ${firing.delaysMs.inAppNotice.p99} ms, ` +
        `due → e-mail p99 ${firing.delaysMs.emailReceived.p99} ms; ${mail.duplicates} duplicate e-mails ` +
        `(load average ${loadavg()[0].toFixed(1)})`,
    );
    const dir = resolve(__dirname, '../../../bench-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'reminders.json'),
      JSON.stringify(
        {
          ranAt: new Date().toISOString(),
          setup: {
            setupSeconds: round(setup.setupSeconds, 2),
            assignmentSeconds: round(setup.assignmentSeconds, 2),
          },
          scheduled,
          analyzed: ANALYZE,
          rescheduled: {
            policySeconds: round(policySeconds, 2),
            moveSeconds: round(moveSeconds, 2),
            leadSeconds,
          },
          firing,
        },
        null,
        2,
      ),
    );
    log(`\nWritten to ${join(dir, 'reminders.json')}`);
  } finally {
    redis.disconnect();
    await admin.end();
    await Promise.all([api.close(), worker?.close()]);
    await deleteQueueKeys(config);
    await dropDatabase(config, databaseName(config));
    await mail.close();
  }
}

runBench(main);
