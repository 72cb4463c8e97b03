import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { EventStore } from '@rl/event-store';
import { asCityId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { Checkpoints, Projection, ProjectionRegistry, ProjectionWaiter } from '@rl/projections';
import { ApiHarness, cityClient, fixtures, Session, TestCity } from '../support';

// Demanded by the issue: a read of a projection after a write it ignores answers at once.
const ANSWER_WITHIN_MS = 200;
const CATCH_UP_WITHIN_MS = 30_000;

// A write wakes only the projections that handle its event types; the others keep their checkpoint until
// the sweep. A read of those with `minPosition` must still answer at once: none of the events they handle
// lies between their checkpoint and that position. The sweep is turned off here so that nothing but the
// rule itself can let such a read through.
describe('Read-your-writes across projections', () => {
  let api: ApiHarness;
  let city: TestCity;
  let operator: Session;
  let coordinator: Session;
  let indicatorId: string;

  const as = (session: Session) => cityClient(api, city, session);

  beforeAll(async () => {
    const started = await ApiHarness.startWithOperator({ PROJECTION_SWEEP_SECONDS: '3600' });
    api = started.api;
    operator = started.operator;
    city = await api.city(started.operator, 'Ghent');
    coordinator = await api.member(started.operator, city, 'coordinator');
    ({ id: indicatorId } = await fixtures.indicator(as(coordinator), {
      code: `RYW-${randomUUID().slice(0, 6)}`,
      disaggregations: [],
      frameworkRefs: [{ framework: 'SDG', code: '10.3.1' }],
      status: 'active',
    }));
  });
  afterAll(() => api.close());

  it('sees a write the projection handles (it waits for it)', async () => {
    const created = await as(coordinator)
      .post('organisations')
      .send({ name: 'Vluchtelingenwerk Gent', kind: 'cso' })
      .expect(201);
    const list = await as(coordinator).get(`organisations?minPosition=${created.body.position}`).expect(200);
    expect(list.body.map((o: { id: string }) => o.id)).toContain(created.body.id);
  });

  it('answers every read model after writes of types it ignores (settings, a comment)', async () => {
    await as(coordinator).put('settings').send({ fourEyes: false }).expect(200);
    const comment = await as(coordinator)
      .post('comments')
      .send({ target: { kind: 'indicator', id: indicatorId }, body: 'Context for the 2024 figure' })
      .expect(201);
    const position = comment.body.position as number;
    for (const read of [
      `indicators/${indicatorId}/series`,
      'organisations',
      'indicators',
      'periods',
      'assignments',
      'submissions',
    ]) {
      const res = await as(coordinator).get(
        `${read}${read.includes('?') ? '&' : '?'}minPosition=${position}`,
      );
      expect({ read, status: res.status }).toEqual({ read, status: 200 });
    }
    const threads = await as(coordinator)
      .get(`comments?targetKind=indicator&targetId=${indicatorId}&minPosition=${position}`)
      .expect(200);
    expect(threads.body.map((c: { id: string }) => c.id)).toContain(comment.body.id);
  });

  // Every projection, after a write of each event type it does not handle: its read with minPosition at
  // that write answers 200 within 200 ms. The types are all that projections handle plus all that the
  // city's log holds (settings, members, publication…); each probe is appended to a throw-away stream,
  // with the data of the city's own latest event of that type where there is one, so the projections that
  // do handle it see a plausible event (a type with no sample gets `{}`: those projections may
  // dead-letter it, which does not concern the others).
  it('answers every projection within 200 ms after a write of each type it does not handle', async () => {
    const cityId = asCityId(city.id);
    const organisation = await as(coordinator)
      .post('organisations')
      .send({ name: 'Stad Gent, dienst Gelijke Kansen', kind: 'local_authority' })
      .expect(201);
    const period = await as(coordinator)
      .post('periods')
      .send({ code: '2024', deadline: '2099-01-31' })
      .expect(201);
    await as(coordinator)
      .post('assignments')
      .send({ indicatorId, organisationId: organisation.body.id, periodId: period.body.id })
      .expect(201);
    // Four eyes off: the official who submits may validate.
    await as(coordinator).put('settings').send({ fourEyes: false }).expect(200);
    const official = await api.member(operator, city, 'official');
    const submission = await as(official)
      .post('submissions')
      .send({
        indicatorId,
        periodId: period.body.id,
        organisationId: organisation.body.id,
        observations: [{ disaggregation: {}, value: 42 }],
      })
      .expect(201);
    await as(official)
      .post(`submissions/${submission.body.id}/validate`)
      .set('If-Match', String(submission.body.version))
      .send()
      .expect(200);
    await as(coordinator)
      .put(`indicators/${indicatorId}/publication`)
      .send({ comparable: true, public: false })
      .expect(200);

    const projections = api.worker.get(ProjectionRegistry).all();
    const waiter = api.app.get(ProjectionWaiter);
    const db = api.app.get(TenantDb);
    // The API decides "reached" from what each projection handles: it must know them all.
    for (const p of projections)
      expect([p.name, api.app.get(ProjectionRegistry).handlesOf(p.name)]).toEqual([p.name, p.handles]);

    // The projection's HTTP read that accepts minPosition, where it has one; else the waiter reads use.
    const reads: Record<string, string> = {
      organisations: 'organisations',
      'indicator-catalog': 'indicators',
      periods: 'periods',
      assignments: 'assignments',
      submissions: 'submissions',
      series: `indicators/${indicatorId}/series`,
      completeness: `periods/${period.body.id as string}/completeness`,
      'reminder-schedule': 'reminder-policy',
      'comment-threads': `comments?targetKind=indicator&targetId=${indicatorId}`,
    };
    // '200', or what answered instead (an HTTP status, or the waiter's error code).
    const read = async (projection: string, position: number): Promise<string> => {
      const path = reads[projection];
      if (path !== undefined) {
        const res = await as(coordinator).get(
          `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`,
        );
        return String(res.status);
      }
      return waiter.waitFor(cityId, projection, position).then(
        () => '200',
        (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
      );
    };

    const samples = new Map(
      (
        await db.inCity(cityId, (em) =>
          em.query<{ type: string; data: unknown }[]>(
            `SELECT DISTINCT ON (type) type, data FROM events WHERE tenant_id = $1 ORDER BY type, position DESC`,
            [cityId],
          ),
        )
      ).map((e) => [e.type, e.data]),
    );
    const types = [...new Set([...projections.flatMap((p) => p.handles), ...samples.keys()])].sort();

    // Every projection has applied every event it handles so far: checked on the log and the checkpoints
    // directly, not through the rule under test.
    const checkpoints = api.worker.get(Checkpoints);
    const caughtUp = async (p: Projection) => {
      const [{ last }] = await db.inCity(cityId, (em) =>
        em.query<{ last: string | null }[]>(
          `SELECT max(position) AS last FROM events WHERE tenant_id = $1 AND type = ANY($2::text[])`,
          [cityId, [...p.handles]],
        ),
      );
      return (await checkpoints.position(cityId, p.name)) >= Number(last ?? 0);
    };
    const settle = async () => {
      const deadline = Date.now() + CATCH_UP_WITHIN_MS;
      for (const p of projections) {
        while (!(await caughtUp(p))) {
          if (Date.now() > deadline) throw new Error(`${p.name} did not catch up`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };

    const store = api.app.get(EventStore);
    const timings: number[] = [];
    let remeasured = 0;
    const late: { type: string; projection: string; outcome: string; ms: number }[] = [];
    const timed = async (projection: string, position: number) => {
      const started = performance.now();
      const outcome = await read(projection, position);
      return { outcome, ms: performance.now() - started };
    };
    await settle();
    for (const type of types) {
      const { position } = await store.append(
        cityId,
        `ryw-probe-${randomUUID()}`,
        0,
        [{ type, data: samples.get(type) ?? {} }],
        { actorId: coordinator.user.id, actorRole: 'coordinator' },
      );
      // The projections that handle the probe apply it first (untimed): the timed reads then measure the
      // rule, not this process's worker competing for the same CPU. The others are never woken by the
      // probe and the sweep is off, so their checkpoints stay before it.
      await settle();
      for (const p of projections.filter((x) => !x.handles.includes(type))) {
        let { outcome, ms } = await timed(p.name, position);
        timings.push(ms);
        // A read that answered but late is measured again (up to three times): a stall of this shared
        // machine is not the rule. A read that waits for the projection (the bug) is late, or refused,
        // every time.
        for (let again = 0; again < 3 && outcome === '200' && ms >= ANSWER_WITHIN_MS; again++) {
          remeasured++;
          ({ outcome, ms } = await timed(p.name, position));
        }
        if (outcome !== '200' || ms >= ANSWER_WITHIN_MS) late.push({ type, projection: p.name, outcome, ms });
      }
      // One type's failures tell enough: each costs the read-your-writes bound (3 s).
      if (late.length > 0) break;
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1];
    process.stdout.write(
      `read-your-writes: ${types.length} event types × ${projections.length} projections, ${timings.length} reads; ` +
        `max ${sorted[sorted.length - 1].toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (first measurements), ` +
        `${remeasured} re-measured\n`,
    );
    expect(types.length).toBeGreaterThan(20);
    expect(late).toEqual([]);
  }, 180_000);
});
