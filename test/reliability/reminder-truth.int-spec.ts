import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { Queue } from 'bullmq';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { AppConfig } from '@rl/config';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import {
  DeliverNoticeHandler,
  FireReminderHandler,
  NOTICE_TRIGGERS_PROJECTION,
  QuietHours,
  REMINDER_SCHEDULE_PROJECTION,
  reminderPolicyStream,
} from '@rl/notifications';
import { databaseUrl } from '@rl/persistence';
import { ProjectionRebuilder, ProjectionRegistry, ProjectionRunner } from '@rl/projections';
import { QueueName } from '@rl/queue';
import {
  CreateAssignmentCommand,
  MovePeriodDeadlineCommand,
  periodStream,
  ReturnSubmissionCommand,
  SubmitDataCommand,
} from '@rl/reporting';
import { ProjectionToolsModule } from '@rl/worker';
import { CityShape, seedCity, SeededCity } from '../../infra/bench/seed-city';
import { MailCatcher } from '../support/mail-catcher';
import {
  adminClient,
  checkpoint,
  deleteQueueKeys,
  eventually,
  head,
  reliabilityConfig,
  spawnTs,
  TsProcess,
} from './support/reliability';

jest.setTimeout(300_000);

const ROUNDS = 20;
const ORGANISATIONS = 20;
const INDICATORS = 10;
const PAIRS = ORGANISATIONS * INDICATORS; // 200 assignments per round, each submitted at once
const LANES = 8;
const WORKERS = 2;
// Far longer than a submission takes to commit after its assignment, short enough to wait for once.
const GRACE_SECONDS = 15;

// Inside one city's row-level security, as the superuser.
async function inCity<T>(admin: Client, cityId: CityId, read: () => Promise<T>): Promise<T> {
  await admin.query('BEGIN');
  try {
    await admin.query(`SELECT set_config('app.tenant_id', $1, true)`, [cityId]);
    return await read();
  } finally {
    await admin.query('COMMIT');
  }
}

// Reminder notices about these assignments.
async function reminderNotices(admin: Client, cityId: CityId, assignmentIds: string[]) {
  return inCity(admin, cityId, async () => {
    const { rows } = await admin.query<{ kind: string }>(
      `SELECT kind FROM notices
        WHERE tenant_id = $1 AND assignment_id = ANY($2::uuid[]) AND kind LIKE 'reminder.%'`,
      [cityId, assignmentIds],
    );
    return rows;
  });
}

const countKinds = (notices: { kind: string }[]) =>
  notices.reduce<Record<string, number>>((n, { kind }) => ({ ...n, [kind]: (n[kind] ?? 0) + 1 }), {});

// The city's reminders by status and outcome ('sent reminder.overdue', 'cancelled submitted', …).
async function reminderOutcomes(admin: Client, cityId: CityId): Promise<Record<string, number>> {
  return inCity(admin, cityId, async () => {
    const { rows } = await admin.query<{ outcome: string; n: string }>(
      `SELECT concat_ws(' ', status, outcome) AS outcome, count(*) AS n FROM reminders
        WHERE tenant_id = $1 GROUP BY 1 ORDER BY 1`,
      [cityId],
    );
    return Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
  });
}

// Assignments and submissions in a seeded city, through the same commands as the API; the city's reminder
// policy is one reminder just before and one just after the deadline (escalating), so that every
// reminder of a period whose deadline is past is due the moment it is scheduled: both fold into the
// escalating one, due when the late grace ends.
async function reportingWork(context: INestApplicationContext, city: SeededCity) {
  const commands = context.get(CommandBus);
  const { cityId } = city;
  const coordinator = { actorId: city.coordinatorId, actorRole: 'coordinator' };
  const policy = (quietHours: QuietHours | null) =>
    context.get(EventStore).append(
      cityId,
      reminderPolicyStream(cityId),
      'any',
      [
        {
          type: 'ReminderPolicyChanged',
          data: { offsets: [{ offset: '-PT1S' }, { offset: 'PT1S', escalate: true }], quietHours },
        },
      ],
      coordinator,
    );
  await policy(null);
  return {
    policy,
    moveDeadline: async (period: number, deadline: Date) => {
      const periodId = city.periodIds[period];
      const history = await context.get(EventStore).readStream(cityId, periodStream(periodId));
      await commands.execute(
        new MovePeriodDeadlineCommand(
          cityId,
          'Europe/Brussels',
          periodId,
          history.length,
          { deadline: deadline.toISOString() },
          coordinator,
        ),
      );
    },
    returnSubmission: (submissionId: string) =>
      commands.execute(
        new ReturnSubmissionCommand(cityId, submissionId, { reason: 'Percent, not count' }, coordinator),
      ),
    assign: async (indicator: number, organisation: number, period: number) => {
      const { id } = await commands.execute(
        new CreateAssignmentCommand(
          cityId,
          {
            indicatorId: city.indicatorIds[indicator],
            organisationId: city.organisationIds[organisation],
            periodId: city.periodIds[period],
          },
          coordinator,
        ),
      );
      return id;
    },
    // By the organisation's collector; resolves once the submission is committed.
    submit: (indicator: number, organisation: number, period: number) =>
      commands.execute(
        new SubmitDataCommand(
          cityId,
          {
            indicatorId: city.indicatorIds[indicator],
            periodId: city.periodIds[period],
            observations: [{ disaggregation: {}, value: 7.5 }],
          },
          {
            actorId: city.collectorIds[organisation],
            actorRole: 'collector',
            organisationId: city.organisationIds[organisation],
          },
        ),
      ),
  };
}

const seed = (context: INestApplicationContext, label: string, shape: Partial<CityShape> = {}) =>
  seedCity(context.get(CommandBus), {
    label: `${label}-${randomUUID().slice(0, 8)}`,
    organisations: 1,
    indicators: 1,
    periods: 1,
    deadline: new Date(Date.now() - 600_000),
    timezone: 'Europe/Brussels',
    ...shape,
  });

// Issue 11, item 1: an organisation assigned a period whose deadline is already past submits at once.
// First the decision itself, with the schedule held behind (nobody runs its wake-ups): the reminder job
// must bring it up to the head and find the submission. Then the race through two real worker processes,
// which the late grace settles: nobody is called late before it ends.
describe('Reminders decide on the truth', () => {
  let config: AppConfig;
  let context: INestApplicationContext;
  let admin: Client;

  beforeAll(async () => {
    config = reliabilityConfig({ REMINDER_LATE_GRACE_SECONDS: String(GRACE_SECONDS) });
    admin = await adminClient(databaseUrl(config, 'admin'));
    // Every projection and command handler, no job processor and no timer.
    context = await NestFactory.createApplicationContext(ProjectionToolsModule.forRoot(config), {
      logger: false,
    });
  });
  afterAll(async () => {
    await context?.close();
    await admin?.end();
    if (config) await deleteQueueKeys(config);
  });

  it('a reminder or delivery job whose schedule has not seen the submission yet catches it up and skips', async () => {
    const city = await seed(context, 'truth-held', { indicators: 2 });
    const work = await reportingWork(context, city);
    const submittedId = await work.assign(0, 0, 0);
    const openId = await work.assign(1, 0, 0);
    const schedule = context.get(ProjectionRegistry).get(REMINDER_SCHEDULE_PROJECTION);
    await context.get(ProjectionRunner).catchUp(city.cityId, schedule);
    await work.submit(0, 0, 0);
    const behind = await checkpoint(admin, city.cityId, REMINDER_SCHEDULE_PROJECTION);
    expect(behind).toBeLessThan(await head(admin, city.cityId));

    const reminders = await inCity(admin, city.cityId, async () => {
      const { rows } = await admin.query<{ id: string; assignmentId: string }>(
        `SELECT id, assignment_id AS "assignmentId" FROM reminders WHERE tenant_id = $1 AND status = 'pending'`,
        [city.cityId],
      );
      return rows;
    });
    // One per assignment: the reminder before the deadline folded into the escalating one.
    expect(reminders).toHaveLength(2);
    const fire = context.get(FireReminderHandler);
    const fireAll = () =>
      Promise.all(reminders.map(({ id }) => fire.handle({ cityId: city.cityId, reminderId: id })));
    // The jobs bring the schedule up to the head, which cancels the submitted assignment's reminder; inside
    // the grace nothing is sent, not even to the organisation that has not submitted.
    await fireAll();
    expect(await reminderOutcomes(admin, city.cityId)).toEqual({ 'cancelled submitted': 1, pending: 1 });
    const graceOver = await eventually(
      async () => {
        await fireAll();
        return (await reminderOutcomes(admin, city.cityId)).pending === undefined;
      },
      GRACE_SECONDS * 1_000 + 30_000,
      500,
    );
    expect(graceOver).toBe(true);

    expect(countKinds(await reminderNotices(admin, city.cityId, [submittedId]))).toEqual({});
    // The assignment left open is warned and escalated (in-app and e-mail each): the job does fire.
    expect(countKinds(await reminderNotices(admin, city.cityId, [openId]))).toEqual({
      'reminder.overdue': 2,
      'reminder.escalation': 2,
    });
    expect(await checkpoint(admin, city.cityId, REMINDER_SCHEDULE_PROJECTION)).toBe(
      await head(admin, city.cityId),
    );

    // The open assignment's e-mails wait for delivery (no job processor here) when it is submitted after
    // all, with the schedule held behind again: the delivery job must catch up and skip them, not send.
    const emails = await inCity(admin, city.cityId, async () => {
      const { rows } = await admin.query<{ id: string }>(
        `SELECT id FROM notices WHERE tenant_id = $1 AND assignment_id = $2 AND channel = 'email' AND status = 'pending'`,
        [city.cityId, openId],
      );
      return rows.map((r) => r.id);
    });
    expect(emails).toHaveLength(2);
    await work.submit(1, 0, 0);
    expect(await checkpoint(admin, city.cityId, REMINDER_SCHEDULE_PROJECTION)).toBeLessThan(
      await head(admin, city.cityId),
    );
    const deliver = context.get(DeliverNoticeHandler);
    for (const noticeId of emails) await deliver.handle({ cityId: city.cityId, noticeId });
    const statuses = await inCity(admin, city.cityId, async () => {
      const { rows } = await admin.query<{ status: string }>(
        `SELECT status FROM notices WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [city.cityId, emails],
      );
      return rows.map((r) => r.status);
    });
    expect(statuses).toEqual(['skipped', 'skipped']);
  });

  it('a deadline moved into the past gives the grace from the move as the log recorded it, and a rebuild agrees', async () => {
    const city = await seed(context, 'truth-moved', { deadline: new Date(Date.now() + 86_400_000) });
    const { cityId } = city;
    const work = await reportingWork(context, city);
    const assignmentId = await work.assign(0, 0, 0);
    const past = new Date(Date.now() - 600_000);
    await work.moveDeadline(0, past);
    const schedule = context.get(ProjectionRegistry).get(REMINDER_SCHEDULE_PROJECTION);
    await context.get(ProjectionRunner).catchUp(cityId, schedule);

    const pending = () =>
      inCity(admin, cityId, async () => {
        const { rows } = await admin.query<{ deadline: Date; offsetKey: string; dueAt: Date }>(
          `SELECT deadline, offset_key AS "offsetKey", due_at AS "dueAt" FROM reminders
            WHERE tenant_id = $1 AND assignment_id = $2 AND status = 'pending'`,
          [cityId, assignmentId],
        );
        return rows;
      });
    const moved = await inCity(admin, cityId, async () => {
      const { rows } = await admin.query<{ recordedAt: Date }>(
        `SELECT recorded_at AS "recordedAt" FROM events WHERE tenant_id = $1 AND type = 'PeriodDeadlineMoved'`,
        [cityId],
      );
      return rows[0].recordedAt;
    });
    const live = await pending();
    // Both reminders of the moved deadline were due when it moved: one, the escalating one, after the grace.
    expect(live).toEqual([
      { deadline: past, offsetKey: 'PT1S', dueAt: new Date(moved.getTime() + GRACE_SECONDS * 1_000) },
    ]);
    await context.get(ProjectionRebuilder).rebuild(cityId, schedule);
    expect(await pending()).toEqual(live);
  });

  it('a notice caused by an event honours the quiet hours set before it, however far behind the schedule is', async () => {
    const city = await seed(context, 'truth-quiet');
    const { cityId } = city;
    const work = await reportingWork(context, city);
    await work.assign(0, 0, 0);
    const { id: submissionId } = await work.submit(0, 0, 0);
    const registry = context.get(ProjectionRegistry);
    const runner = context.get(ProjectionRunner);
    await runner.catchUp(cityId, registry.get(REMINDER_SCHEDULE_PROJECTION));
    // Quiet from an hour ago to an hour from now in the city's (and the collector's) zone: an e-mail
    // decided now waits for the end.
    const local = DateTime.now().setZone('Europe/Brussels');
    const end = local.plus({ hours: 1 }).startOf('minute');
    await work.policy({ start: local.minus({ hours: 1 }).toFormat('HH:mm'), end: end.toFormat('HH:mm') });
    await work.returnSubmission(submissionId);
    await runner.catchUp(cityId, registry.get(NOTICE_TRIGGERS_PROJECTION));
    expect(await checkpoint(admin, cityId, REMINDER_SCHEDULE_PROJECTION)).toBeLessThan(
      await head(admin, cityId),
    );

    const sendAfter = await inCity(admin, cityId, async () => {
      const { rows } = await admin.query<{ sendAfter: Date }>(
        `SELECT send_after AS "sendAfter" FROM notices
          WHERE tenant_id = $1 AND kind = 'submission.returned' AND channel = 'email'`,
        [cityId],
      );
      return rows.map((r) => new Date(r.sendAfter).toISOString());
    });
    expect(sendAfter).toEqual([end.toJSDate().toISOString()]);
  });

  describe('with two worker processes', () => {
    let mail: MailCatcher;
    const workers: TsProcess[] = [];

    beforeAll(async () => {
      mail = await MailCatcher.start();
      for (let n = 0; n < WORKERS; n++) {
        workers.push(
          spawnTs(join(__dirname, '..', '..', 'apps', 'worker', 'src', 'main.ts'), {
            DATABASE_URL: config.database.url,
            REDIS_URL: config.redis.url,
            QUEUE_PREFIX: config.redis.queuePrefix,
            SMTP_URL: mail.url,
            REMINDER_LATE_GRACE_SECONDS: String(GRACE_SECONDS),
            LOG_LEVEL: 'silent',
          }),
        );
      }
      const reminders = new Queue(QueueName.Reminders, {
        connection: { url: config.redis.url },
        prefix: config.redis.queuePrefix,
      });
      try {
        const ready = await eventually(
          async () => (await reminders.getWorkersCount()) >= WORKERS,
          120_000,
          200,
        );
        if (!ready) throw new Error(`Workers did not start:\n${workers.map((w) => w.output()).join('\n')}`);
      } finally {
        await reminders.close();
      }
    });
    afterAll(async () => {
      for (const worker of workers) worker.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
      await mail?.close();
    });

    it(`sends no reminder or escalation for ${ROUNDS} × ${PAIRS} assignments past their deadline submitted at once`, async () => {
      // One period per round, plus one for the control assignments.
      const city = await seed(context, 'truth-race', {
        organisations: ORGANISATIONS,
        indicators: INDICATORS,
        periods: ROUNDS + 1,
      });
      const { cityId } = city;
      const work = await reportingWork(context, city);
      const rounds: string[][] = [];
      const controls: string[] = [];
      const roundSeconds: string[] = [];
      const started = Date.now();
      // The rounds follow each other without waiting for their reminders: one wait at the end settles all.
      for (let round = 0; round < ROUNDS; round++) {
        const roundStarted = Date.now();
        const ids: string[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: LANES }, async () => {
            for (let n = next++; n < PAIRS; n = next++) {
              const [indicator, organisation] = [n % INDICATORS, Math.floor(n / INDICATORS)];
              const id = await work.assign(indicator, organisation, round);
              ids.push(id);
              await work.submit(indicator, organisation, round);
            }
          }),
        );
        rounds.push(ids);
        // Never submitted: it must be warned about and escalated, or this test could not fail.
        controls.push(await work.assign(0, round % ORGANISATIONS, ROUNDS));
        roundSeconds.push(((Date.now() - roundStarted) / 1_000).toFixed(1));
      }
      const appended = Date.now();

      // Settled: the schedule has the whole log, and every reminder of every round is settled (the
      // controls' fire when the grace after the last of them ends).
      const settled = await eventually(
        async () =>
          (await checkpoint(admin, cityId, REMINDER_SCHEDULE_PROJECTION)) >= (await head(admin, cityId)) &&
          (await reminderOutcomes(admin, cityId)).pending === undefined,
        GRACE_SECONDS * 1_000 + 120_000,
        250,
      );
      const outcomes = await reminderOutcomes(admin, cityId);
      const notices: number[] = [];
      for (const ids of rounds) notices.push((await reminderNotices(admin, cityId, ids)).length);
      const control = countKinds(await reminderNotices(admin, cityId, controls));
      process.stdout.write(
        `Reminder truth: ${ROUNDS} rounds × ${PAIRS} assignments past their deadline submitted at once, ` +
          `${WORKERS} worker processes, grace ${GRACE_SECONDS} s; seconds per round ${roundSeconds.join(' ')}; ` +
          `commands ${((appended - started) / 1_000).toFixed(1)} s, settled ${((Date.now() - appended) / 1_000).toFixed(1)} s ` +
          `later; reminder notices to submitted assignments per round: ${JSON.stringify(notices)}; ` +
          `reminders: ${JSON.stringify(outcomes)}; control assignments: ${JSON.stringify(control)}\n`,
      );

      expect(settled).toBe(true);
      expect(control).toEqual({ 'reminder.overdue': ROUNDS * 2, 'reminder.escalation': ROUNDS * 2 });
      expect(notices).toEqual(rounds.map(() => 0));
    });
  });
});
