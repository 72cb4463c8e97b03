import { CommandBus } from '@nestjs/cqrs';
import { cpus } from 'node:os';
import { createApi } from '@rl/api';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { databaseName, TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { MeetingEvent, meetingStream, MEETINGS_PROJECTION } from '@rl/meetings';
import { TaskDueTimelineSource, TaskEvent, taskStream, TASKS_PROJECTION } from '@rl/tasks';
import { createWorker } from '@rl/worker';
import { randomUUID } from 'node:crypto';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { benchCity, benchOperator, listenLocally, logIn } from './bench-city';
import { benchConfig, deleteQueueKeys, log, now, percentile, round, runBench, table } from './bench-kit';

// npm run bench:timeline: reading the timeline of a city with BENCH_TASKS (5,000) tasks and BENCH_MEETINGS
// (500) meetings over a year, spread over 20 organisations. Measures p50/p99 of a page of GET …/tasks (a
// due window, an organisation filter) and of GET …/timeline (the same window: deadlines, tasks and
// meetings merged) over HTTP, and of the task-due timeline source's SQL alone. The API and a worker run
// in this process on a scratch database, dropped after.
const TASKS = Number(process.env.BENCH_TASKS ?? 5_000);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 500);
const READS = Number(process.env.BENCH_TIMELINE_READS ?? 300);
const BATCH = 500;
const ORGANISATIONS = Array.from({ length: 20 }, () => randomUUID());
const YEAR_MS = 365 * 86_400_000;
const PASSWORD = 'bench-timeline-password';

// `count` streams of one event each, appended in transactions of BATCH streams straight to the event store,
// as a city would have recorded them over time. Returns the city's head.
async function seedStreams(
  store: EventStore,
  cityId: CityId,
  count: number,
  streamOf: (i: number) => { streamId: string; event: TaskEvent | MeetingEvent },
): Promise<number> {
  let head = 0;
  for (let done = 0; done < count; done += BATCH) {
    head = await store.transact(cityId, async (tx) => {
      let position = 0;
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const { streamId, event } = streamOf(i);
        ({ position } = await tx.append(streamId, 0, [event], { actorId: 'timeline-bench' }));
      }
      return position;
    });
  }
  return head;
}

const organisationOf = (i: number) => (i % 10 === 0 ? null : ORGANISATIONS[i % ORGANISATIONS.length]);

const task = (start: number) => (i: number) => {
  const taskId = randomUUID();
  const event: TaskEvent = {
    type: 'TaskCreated',
    data: {
      taskId,
      title: `Bench task ${i}`,
      description: null,
      links: [],
      assigneeOrganisationId: organisationOf(i),
      assigneeUserId: null,
      due: new Date(start + (i / TASKS) * YEAR_MS).toISOString(),
      timezone: 'Europe/Brussels',
    },
  };
  return { streamId: taskStream(taskId), event };
};

const meeting = (start: number) => (i: number) => {
  const meetingId = randomUUID();
  const startsAt = start + (i / MEETINGS) * YEAR_MS;
  const organisation = organisationOf(i);
  const event: MeetingEvent = {
    type: 'MeetingScheduled',
    data: {
      meetingId,
      title: `Bench meeting ${i}`,
      kind: 'operational',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 7_200_000).toISOString(),
      place: null,
      online: null,
      agenda: [],
      periodId: null,
      indicatorIds: [],
      invitedOrganisationIds: organisation ? [organisation] : [],
      invitedUserIds: [],
    },
  };
  return { streamId: meetingStream(meetingId), event };
};

// p50 and p99 in ms of `count` runs of `read` (each given its run number).
async function timed(
  count: number,
  read: (i: number) => Promise<void>,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = now();
    await read(i);
    times.push(now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) };
}

async function main(): Promise<void> {
  process.env.BENCH_DATABASE ??= 'rl_bench_timeline';
  const config = benchConfig(10);
  log(
    `Timeline benchmark on scratch database ${databaseName(config)} (${cpus().length} CPUs, Node ${process.version})`,
  );
  await bootstrapDatabase(config);
  const api = await createApi(config);
  const worker = await createWorker(config);
  await worker.init();
  const base = await listenLocally(api);
  try {
    const commands = api.get(CommandBus);
    const as = await benchOperator(commands, {
      email: 'op@timeline.bench',
      name: 'Operator',
      password: PASSWORD,
    });
    const member = {
      email: 'observer@city-a.bench',
      name: 'Observer',
      password: PASSWORD,
      role: 'observer' as const,
    };
    const cityId = await benchCity(commands, as, { slug: 'city-a', name: 'City A' }, member);
    const start = Date.now();
    const seeded = now();
    const store = api.get(EventStore);
    await seedStreams(store, cityId, TASKS, task(start));
    const head = await seedStreams(store, cityId, MEETINGS, meeting(start));
    for (const projection of [TASKS_PROJECTION, MEETINGS_PROJECTION])
      await api.get(ProjectionWaiter).waitFor(cityId, projection, head, 600_000);
    log(
      `Seeded and projected ${TASKS.toLocaleString('en')} tasks and ${MEETINGS.toLocaleString('en')} meetings in ${round((now() - seeded) / 1_000)} s`,
    );

    const headers = { authorization: `Bearer ${await logIn(base, member.email, PASSWORD)}` };
    // A month's window starting somewhere in the year, for one organisation (and the city's own tasks).
    const window = (i: number) => {
      const from = new Date(start + ((i * 7919) % 330) * 86_400_000);
      return { from, to: new Date(from.getTime() + 30 * 86_400_000), organisationId: ORGANISATIONS[i % 20] };
    };
    const get = async (path: string) => {
      const res = await fetch(`${base}/v1/cities/city-a/${path}`, { headers });
      await res.arrayBuffer();
      return res.status;
    };
    const list = await timed(READS, async (i) => {
      const { from, to, organisationId } = window(i);
      const query = `from=${from.toISOString()}&to=${to.toISOString()}&assigneeOrganisationId=${organisationId}&limit=100`;
      if ((await get(`tasks?${query}`)) !== 200) throw new Error('GET …/tasks failed');
    });
    const source = api.get(TaskDueTimelineSource);
    const db = api.get(TenantDb);
    const sql = await timed(READS, async (i) => {
      await db.inCity(cityId, (em) => source.entries(em, cityId, { ...window(i), limit: 100 }));
    });
    const rows: (string | number)[][] = [
      ['GET …/tasks, a month for one organisation (HTTP)', list.p50, list.p99],
      ['task-due timeline source, the same window (SQL)', sql.p50, sql.p99],
    ];
    const timeline = await timed(READS, async (i) => {
      const { from, to, organisationId } = window(i);
      const query = `from=${from.toISOString()}&to=${to.toISOString()}&organisationId=${organisationId}&limit=100`;
      if ((await get(`timeline?${query}`)) !== 200) throw new Error('GET …/timeline failed');
    });
    rows.push(['GET …/timeline, the same window (HTTP)', timeline.p50, timeline.p99]);
    log(
      table(
        [
          `read (${READS} runs, ${TASKS.toLocaleString('en')} tasks, ${MEETINGS} meetings)`,
          'p50 ms',
          'p99 ms',
        ],
        rows,
      ),
    );
  } finally {
    await Promise.all([api.close(), worker.close()]);
    await deleteQueueKeys(config);
    await dropDatabase(config, databaseName(config));
  }
}

runBench(main);
