import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { asCityId } from '@rl/kernel';
import { databaseUrl } from '@rl/persistence';
import { ProjectionRegistry, ProjectionRunner } from '@rl/projections';
import { QueueName } from '@rl/queue';
import { ApiHarness, cityClient, expectProblem, Session, TestCity } from '../support';

interface TableCheck {
  table: string;
  liveRows: number;
  logRows: number;
  missing: number;
  extra: number;
  changed: number;
  differences: {
    kind: string;
    key: Record<string, string>;
    columns: { column: string; live: string | null; log: string | null }[];
  }[];
}
interface ReadModels {
  ok: boolean;
  headPosition: number;
  projections: { projection: string; checkpoint: number; behind: number; tables: TableCheck[] }[];
  skipped: { table: string; reason: string }[];
  durationMs: number;
}

// An auditor's replay of a city's read models: every projection and published table rebuilt from the log
// in a scratch space and compared with the live tables, which a database administrator then tampers with.
describe('Audit: read models checked against the log', () => {
  let api: ApiHarness;
  let city: TestCity;
  let coordinator: Session;
  let official: Session;
  let reviewer: Session;
  let auditor: Session;
  let admin: Client;
  let indicatorId: string;
  let periodId: string;
  let organisationId: string;
  let commentId: string;
  let position = 0;

  const as = (session: Session) => cityClient(api, city, session);
  const wrote = <T extends { position?: number }>(body: T): T => {
    position = Math.max(position, body.position ?? 0);
    return body;
  };
  const submitAndValidate = async (value: number) => {
    const submitted = await as(official)
      .post('submissions')
      .send({ indicatorId, periodId, organisationId, observations: [{ disaggregation: {}, value }] })
      .expect(201);
    const submission = wrote(submitted.body as { id: string; version: number; position: number });
    const validated = await as(reviewer)
      .post(`submissions/${submission.id}/validate`)
      .set('If-Match', String(submission.version))
      .send()
      .expect(200);
    wrote(validated.body as { position: number });
  };
  // Every projection of the city has folded everything written so far.
  const settle = async () => {
    const runner = api.worker.get(ProjectionRunner);
    for (const projection of api.worker.get(ProjectionRegistry).all()) {
      for (;;) {
        const reached = await runner.catchUp(asCityId(city.id), projection);
        if (reached !== null && reached >= position) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const verify = async (session: Session = auditor) => {
    const res = await as(session).get('audit/verify?readModels=true').expect(200);
    return res.body as { ok: boolean; events: number; readModels: ReadModels };
  };
  const tablesOf = (models: ReadModels) => models.projections.flatMap((p) => p.tables);
  const table = (models: ReadModels, name: string) => {
    const found = tablesOf(models).find((t) => t.table === name);
    if (!found) throw new Error(`${name} was not compared`);
    return found;
  };
  // The city's rows of every compared table, as one fingerprint per table (as the table owner sees them).
  const fingerprint = async (tables: string[]) => {
    const prints: Record<string, string> = {};
    for (const name of tables) {
      const { rows } = await admin.query<{ print: string | null }>(
        `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS print FROM "${name}" t WHERE tenant_id = $1`,
        [city.id],
      );
      prints[name] = rows[0].print ?? 'empty';
    }
    return prints;
  };
  const queued = (name: QueueName) =>
    api.worker.get<Queue>(getQueueToken(name)).getJobs(['wait', 'delayed', 'prioritized', 'active']);
  // The city's reminder and notice jobs whose row does not exist: what a replay's wake-ups would leave,
  // since its rows never commit.
  const orphanJobs = async () => {
    const orphans: string[] = [];
    const kinds = [
      { queue: QueueName.Reminders, job: 'reminders.fire', table: 'reminders', field: 'reminderId' },
      { queue: QueueName.Notifications, job: 'notifications.deliver', table: 'notices', field: 'noticeId' },
    ];
    for (const { queue, job, table, field } of kinds) {
      const ids = (await queued(queue))
        .map((j) => ({ name: j.name, data: j.data as Record<string, string> }))
        .filter((j) => j.name === job && j.data.cityId === city.id)
        .map((j) => j.data[field]);
      const { rows } = await admin.query<{ id: string }>(
        `SELECT id::text AS id FROM ${table} WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      const known = new Set(rows.map((r) => r.id));
      orphans.push(...ids.filter((id) => !known.has(id)).map((id) => `${job} ${id}`));
    }
    return orphans;
  };

  beforeAll(async () => {
    let operator: Session;
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Readville'));
    official = await api.member(operator, city, 'official');
    reviewer = await api.member(operator, city, 'official');
    auditor = await api.member(operator, city, 'auditor');
    admin = new Client({ connectionString: databaseUrl(api.config, 'admin') });
    await admin.connect();

    const organisation = await as(coordinator)
      .post('organisations')
      .send({ name: 'Statistics office', kind: 'local_authority' })
      .expect(201);
    organisationId = wrote(organisation.body as { id: string; position: number }).id;
    const period = await as(coordinator)
      .post('periods')
      .send({ code: '2024', deadline: '2099-01-31' })
      .expect(201);
    periodId = wrote(period.body as { id: string; position: number }).id;
    const indicator = await as(coordinator)
      .post('indicators')
      .send({
        code: `RM-${randomUUID().slice(0, 6)}`,
        name: 'Urban population living in inadequate housing',
        right: 'adequate-housing',
        type: 'outcome',
        unit: 'percent',
        direction: 'lower_is_better',
        disaggregations: [],
        // A code no other suite compares: published values are visible across the cities of a test database.
        frameworkRefs: [{ framework: 'SDG', code: '5.5.2' }],
        status: 'active',
      })
      .expect(201);
    indicatorId = wrote(indicator.body as { id: string; position: number }).id;
    wrote(
      (await as(coordinator).post('assignments').send({ indicatorId, organisationId, periodId }).expect(201))
        .body as { position: number },
    );
    await submitAndValidate(12.5);
    // An assignment left open has reminders pending: a replay that woke them would enqueue new jobs.
    const open = await as(coordinator)
      .post('periods')
      .send({ code: '2025', deadline: '2099-01-31' })
      .expect(201);
    wrote(open.body as { position: number });
    wrote(
      (
        await as(coordinator)
          .post('assignments')
          .send({ indicatorId, organisationId, periodId: (open.body as { id: string }).id })
          .expect(201)
      ).body as { position: number },
    );
    const comment = await as(official)
      .post('comments')
      .send({
        target: { kind: 'indicator', id: indicatorId },
        body: 'Counted with the new housing register.',
      })
      .expect(201);
    commentId = wrote(comment.body as { id: string; position: number }).id;
    wrote(
      (
        await as(coordinator)
          .put(`indicators/${indicatorId}/publication`)
          .send({ comparable: true, public: true })
          .expect(200)
      ).body as { position: number },
    );
    await settle();
  }, 60_000);
  afterAll(async () => {
    await admin.end();
    await api.close();
  });

  it('finds every read model and published table equal to its replay from the log', async () => {
    const result = await verify();
    expect(result.ok).toBe(true);
    const models = result.readModels;
    expect(models.ok).toBe(true);
    expect(models.headPosition).toBe(position);
    const names = api.app
      .get(ProjectionRegistry)
      .all()
      .map((p) => p.name);
    expect(models.projections.map((p) => p.projection).sort()).toEqual([...names].sort());
    for (const check of models.projections) {
      expect(check.checkpoint).toBe(position);
      expect(check.behind).toBe(0);
    }
    for (const t of tablesOf(models)) {
      expect({ table: t.table, missing: t.missing, extra: t.extra, changed: t.changed }).toEqual({
        table: t.table,
        missing: 0,
        extra: 0,
        changed: 0,
      });
      expect(t.differences).toEqual([]);
      expect(t.logRows).toBe(t.liveRows);
    }
    // The data the tamper tests below rely on is there, so the comparison was not of empty tables.
    for (const name of ['series', 'comments', 'published_values', 'published_indicators', 'submissions'])
      expect(table(models, name).liveRows).toBeGreaterThan(0);
    expect(models.skipped.map((s) => s.table)).toEqual(
      expect.arrayContaining(['reminders', 'notices', 'comparison_results']),
    );
    expect(tablesOf(models).map((t) => t.table)).not.toContain('reminders');
    expect((await verify(coordinator)).readModels.ok).toBe(true);
  });

  it('reports a changed, a deleted and an inserted row with table, key and columns; then ok once restored', async () => {
    const before = await fingerprint(['series', 'comments', 'published_values']);
    const [original] = (
      await admin.query<Record<string, unknown>>(`SELECT * FROM comments WHERE tenant_id = $1 AND id = $2`, [
        city.id,
        commentId,
      ])
    ).rows;
    const forged = randomUUID();
    await admin.query(
      `UPDATE series SET validated_value = 99 WHERE tenant_id = $1 AND indicator_id = $2 AND period_id = $3`,
      [city.id, indicatorId, periodId],
    );
    await admin.query(`DELETE FROM comments WHERE tenant_id = $1 AND id = $2`, [city.id, commentId]);
    await admin.query(
      `INSERT INTO published_values (tenant_id, indicator_id, period, granularity, year, value, status, series, comparable, public)
       VALUES ($1, $2, '2023', 'year', 2023, 1, 'final', 1, true, true)`,
      [city.id, forged],
    );

    const tampered = await verify();
    expect(tampered.ok).toBe(false);
    const models = tampered.readModels;
    expect(models.ok).toBe(false);
    expect(table(models, 'series')).toMatchObject({ changed: 1, missing: 0, extra: 0 });
    expect(table(models, 'series').differences).toEqual([
      {
        kind: 'changed',
        key: { indicator_id: indicatorId, period_id: periodId, disaggregation_key: '' },
        columns: [{ column: 'validated_value', live: '99', log: '12.5' }],
      },
    ]);
    expect(table(models, 'comments')).toMatchObject({ missing: 1, extra: 0, changed: 0 });
    expect(table(models, 'comments').differences).toEqual([
      { kind: 'missing', key: { id: commentId }, columns: [] },
    ]);
    expect(table(models, 'published_values')).toMatchObject({ extra: 1, missing: 0, changed: 0 });
    expect(table(models, 'published_values').differences).toEqual([
      { kind: 'extra', key: { indicator_id: forged, period: '2023' }, columns: [] },
    ]);
    const others = tablesOf(models).filter(
      (t) => !['series', 'comments', 'published_values'].includes(t.table),
    );
    expect(others.filter((t) => t.missing + t.extra + t.changed > 0)).toEqual([]);
    // The chain itself is intact: only the read models are wrong.
    expect((await as(auditor).get('audit/verify').expect(200)).body.ok).toBe(true);

    await admin.query(
      `UPDATE series SET validated_value = 12.5 WHERE tenant_id = $1 AND indicator_id = $2 AND period_id = $3`,
      [city.id, indicatorId, periodId],
    );
    const columns = Object.keys(original);
    await admin.query(
      `INSERT INTO comments (${columns.map((c) => `"${c}"`).join(', ')})
       SELECT * FROM json_populate_record(NULL::comments, $1::json)`,
      [JSON.stringify(original)],
    );
    await admin.query(`DELETE FROM published_values WHERE tenant_id = $1 AND indicator_id = $2`, [
      city.id,
      forged,
    ]);
    expect(await fingerprint(['series', 'comments', 'published_values'])).toEqual(before);
    expect((await verify()).readModels.ok).toBe(true);
  });

  it('changes nothing live, leaves no scratch table behind and enqueues no job', async () => {
    const tables = api.app
      .get(ProjectionRegistry)
      .all()
      .flatMap((p) => [...p.tables]);
    const before = await fingerprint(tables);
    // A recompute woken by the publication above may still be on its way: let it drain first.
    for (let tries = 0; (await queued(QueueName.Comparisons)).length > 0 && tries < 200; tries++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await queued(QueueName.Comparisons)).toEqual([]);
    // The open assignment's reminders are waiting: a replay schedules them again, under new ids.
    const ours = (await queued(QueueName.Reminders)).filter(
      (j) => (j.data as { cityId: string }).cityId === city.id,
    );
    expect(ours.length).toBeGreaterThan(0);
    expect(await orphanJobs()).toEqual([]);
    expect((await verify()).readModels.ok).toBe(true);
    expect(await fingerprint(tables)).toEqual(before);
    // The replay's wake-ups would be jobs for rows that never committed, or a comparison delayed 500 ms.
    expect(await orphanJobs()).toEqual([]);
    expect(await queued(QueueName.Comparisons)).toEqual([]);
    const { rows } = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class WHERE relpersistence = 't' AND relname = ANY($1::text[])`,
      [[...tables, 'projection_checkpoints', 'notices']],
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it('compares a projection that lags the head at its own checkpoint, reporting it behind, not different', async () => {
    // Holding the series projection's ownership lock keeps the live worker from folding into it.
    const holder = new Client({ connectionString: databaseUrl(api.config, 'admin') });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('series'), hashtext($1))`, [city.id]);
      const lagging = position;
      await submitAndValidate(11);
      const models = (await verify()).readModels;
      expect(models.ok).toBe(true);
      expect(models.headPosition).toBe(position);
      const series = models.projections.find((p) => p.projection === 'series');
      expect(series).toMatchObject({ checkpoint: lagging, behind: position - lagging });
      expect(table(models, 'series').differences).toEqual([]);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await settle();
    const models = (await verify()).readModels;
    expect(models.ok).toBe(true);
    expect(models.projections.every((p) => p.behind === 0)).toBe(true);
  });

  it('answers 429 AUDIT.VERIFY_RUNNING while a read-model verification of the city runs', async () => {
    await admin.query('BEGIN');
    try {
      await admin.query(`SELECT pg_advisory_xact_lock(hashtext('audit-read-models'), hashtext($1))`, [
        city.id,
      ]);
      const res = await as(auditor).get('audit/verify?readModels=true');
      expectProblem(res, 429, 'AUDIT.VERIFY_RUNNING');
      // A chain-only verification does not replay and is not held up.
      expect((await as(auditor).get('audit/verify').expect(200)).body.readModels).toBeUndefined();
    } finally {
      await admin.query('ROLLBACK');
    }
  });

  it('refuses readModels other than true or false with 400 naming it, and other roles with 403', async () => {
    const problem = expectProblem(
      await as(auditor).get('audit/verify?readModels=yes'),
      400,
      'REQUEST.INVALID',
    );
    expect(problem.errors.map((e) => e.field)).toContain('readModels');
    expectProblem(await as(official).get('audit/verify?readModels=true'), 403, 'AUTH.ROLE_NOT_ALLOWED');
  });
});
