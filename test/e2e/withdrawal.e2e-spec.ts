import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PUBLICATION_PROJECTION } from '@rl/comparisons';
import { asCityId } from '@rl/kernel';
import { databaseUrl, dataSourceOptions, PUBLISHED_READER_ROLE, TenantDb } from '@rl/persistence';
import { Checkpoints } from '@rl/projections';
import { QueueName } from '@rl/queue';
import { PublicationFlags1795708600000 } from '../../libs/persistence/src/migrations/1795708600000-publication-flags';
import { ApiHarness, cityClient, Session, sleep, TestCity, uniqueSuffix } from '../support';

// Withdrawing a publication takes effect the moment the PUT answers: no public or comparable read
// shows the city's values any more, although the stored comparison (comparison_results) still holds
// them until a recomputation succeeds — here it never runs, or it runs and fails.

interface Site {
  city: TestCity;
  coordinator: Session;
  official: Session;
  reviewer: Session;
  indicatorId: string;
}
type Flags = { comparable: boolean; public: boolean };

const FRAMEWORK = 'SDG';
const CODE = `W-${uniqueSuffix()}`;
const PERIOD = '2024';
const SETTLE_MS = 15_000;

describe('Withdrawal is immediate, whatever recomputation is doing', () => {
  let api: ApiHarness;
  let ghent: Site;
  let padua: Site;
  let admin: Client;
  const queues = () =>
    [QueueName.Projections, QueueName.Comparisons].map((name) => api.worker.get<Queue>(getQueueToken(name)));

  const as = (site: Site, session: Session) => cityClient(api, site.city, session);

  const newSite = async (operator: Session, name: string, unit: string, value: number): Promise<Site> => {
    const city = await api.city(operator, name);
    const [coordinator, official, reviewer] = await Promise.all([
      api.member(operator, city, 'coordinator'),
      api.member(operator, city, 'official'),
      api.member(operator, city, 'official'),
    ]);
    const site = { city, coordinator, official, reviewer, indicatorId: '' };
    const organisation = await as(site, coordinator)
      .post('organisations')
      .send({ name: 'Statistics', kind: 'local_authority' })
      .expect(201);
    const period = await as(site, coordinator)
      .post('periods')
      .send({ code: PERIOD, deadline: '2099-01-31' })
      .expect(201);
    const indicator = await as(site, coordinator)
      .post('indicators')
      .send({
        code: `WD-${uniqueSuffix()}`,
        name: 'Urban population living in inadequate housing',
        right: 'adequate-housing',
        type: 'outcome',
        unit,
        direction: 'lower_is_better',
        disaggregations: [],
        frameworkRefs: [{ framework: FRAMEWORK, code: CODE }],
        status: 'active',
      })
      .expect(201);
    site.indicatorId = indicator.body.id as string;
    const submission = await as(site, official)
      .post('submissions')
      .send({
        indicatorId: site.indicatorId,
        periodId: period.body.id,
        organisationId: organisation.body.id,
        observations: [{ disaggregation: {}, value }],
      })
      .expect(201);
    await as(site, reviewer)
      .post(`submissions/${submission.body.id}/validate`)
      .set('If-Match', String(submission.body.version))
      .send()
      .expect(200);
    return site;
  };

  const publish = async (site: Site, flags: Flags): Promise<number> => {
    const res = await as(site, site.coordinator)
      .put(`indicators/${site.indicatorId}/publication`)
      .send(flags)
      .expect(200);
    return res.body.position as number;
  };

  // The cities every public or comparable read shows: as a signed-in member of Padua, and anonymously.
  const reads = async () => {
    const query = `framework=${FRAMEWORK}&code=${encodeURIComponent(CODE)}`;
    const read = async (url: string, session?: Session): Promise<unknown> => {
      const req = api.http.get(url);
      const res = await (session ? req.auth(session.accessToken, { type: 'bearer' }) : req);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      return res.body;
    };
    const get = async (url: string, session?: Session) =>
      (await read(url, session)) as Record<string, unknown>;
    const rows = (body: Record<string, unknown>) =>
      (body.rows as { city: string }[]).map((r) => r.city).sort();
    const series = (body: Record<string, unknown>) =>
      (body.cities as { city: string }[]).map((c) => c.city).sort();
    const page = async (site: Site) =>
      (
        (await read(`/v1/public/cities/${site.city.slug}/indicators`)) as {
          id: string;
          latest: unknown;
        }[]
      ).filter((i) => i.id === site.indicatorId && i.latest !== null).length;
    const member = padua.coordinator;
    return {
      members: rows(await get(`/v1/comparisons?${query}&period=${PERIOD}`, member)),
      membersSeries: series(await get(`/v1/comparisons/series?${query}`, member)),
      public: rows(await get(`/v1/public/comparisons?${query}&period=${PERIOD}`)),
      publicSeries: series(await get(`/v1/public/comparisons/series?${query}`)),
      publicPages: { ghent: await page(ghent), padua: await page(padua) },
    };
  };
  const everywhere = (cities: string[], pages: { ghent: number; padua: number }) => ({
    members: cities,
    membersSeries: cities,
    public: cities,
    publicSeries: cities,
    publicPages: pages,
  });
  const until = async <T>(read: () => Promise<T>, expected: T): Promise<T> => {
    const deadline = Date.now() + SETTLE_MS;
    for (;;) {
      const value = await read();
      if (JSON.stringify(value) === JSON.stringify(expected) || Date.now() > deadline) return value;
      await sleep(100);
    }
  };
  // The cities in the stored comparison of each audience: what reads served before withdrawal held.
  const stored = () =>
    api.app.get(TenantDb).platform((em) =>
      em.query<{ audience: string; cities: string[] }[]>(
        `SELECT audience, ARRAY(SELECT d->>'citySlug' FROM jsonb_array_elements(definitions) d ORDER BY 1) AS cities
           FROM comparison_results WHERE framework = $1 AND code = $2 ORDER BY audience`,
        [FRAMEWORK, CODE],
      ),
    );
  const publicationAt = (site: Site) =>
    api.worker.get(Checkpoints).position(asCityId(site.city.id), PUBLICATION_PROJECTION);

  let both: string[];
  beforeAll(async () => {
    const started = await ApiHarness.startWithOperator();
    api = started.api;
    admin = new Client({ connectionString: databaseUrl(api.config, 'admin') });
    await admin.connect();
    [ghent, padua] = await Promise.all([
      newSite(started.operator, 'Ghent', 'percent', 12),
      newSite(started.operator, 'Padua', 'percent', 9),
    ]);
    both = [ghent.city.slug, padua.city.slug].sort();
    await publish(ghent, { comparable: true, public: true });
    await publish(padua, { comparable: true, public: true });
    expect(await until(reads, everywhere(both, { ghent: 1, padua: 1 }))).toEqual(
      everywhere(both, { ghent: 1, padua: 1 }),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(queues().map((queue) => queue.resume()));
    await admin.end();
    await api.close();
  });

  it('hides withdrawn values at once while neither the projection nor recomputation runs', async () => {
    await Promise.all(queues().map((queue) => queue.pause()));
    try {
      // Public no more, still comparable: gone from anonymous reads only.
      await publish(ghent, { comparable: true, public: false });
      expect(await reads()).toEqual({
        ...everywhere([padua.city.slug], { ghent: 0, padua: 1 }),
        members: both,
        membersSeries: both,
      });
      // Withdrawn entirely: gone from every read.
      const position = await publish(ghent, { comparable: false, public: false });
      expect(await reads()).toEqual(everywhere([padua.city.slug], { ghent: 0, padua: 1 }));
      // …while the publication projection and the stored comparisons still have Ghent's values.
      expect(await publicationAt(ghent)).toBeLessThan(position);
      expect(await stored()).toEqual([
        { audience: 'members', cities: both },
        { audience: 'public', cities: both },
      ]);
    } finally {
      await Promise.all(queues().map((queue) => queue.resume()));
    }
    // Once recomputed, nothing changes for readers; publishing again shows Ghent after recomputation.
    const recomputed = [
      { audience: 'members', cities: [padua.city.slug] },
      { audience: 'public', cities: [padua.city.slug] },
    ];
    expect(await until(stored, recomputed)).toEqual(recomputed);
    expect(await reads()).toEqual(everywhere([padua.city.slug], { ghent: 0, padua: 1 }));
    await publish(ghent, { comparable: true, public: true });
    expect(await until(reads, everywhere(both, { ghent: 1, padua: 1 }))).toEqual(
      everywhere(both, { ghent: 1, padua: 1 }),
    );
  }, 60_000);

  it('hides withdrawn values while the recomputation runs and fails', async () => {
    // The members' recomputation reads published_values as this role: without the grant it throws.
    await admin.query(`REVOKE SELECT ON published_values FROM ${PUBLISHED_READER_ROLE}`);
    try {
      const position = await publish(padua, { comparable: false, public: false });
      expect(await reads()).toEqual(everywhere([ghent.city.slug], { ghent: 1, padua: 0 }));

      const comparisons = api.worker.get<Queue>(getQueueToken(QueueName.Comparisons));
      const failed = async () => {
        const jobs = await comparisons.getJobs(['failed', 'delayed', 'wait', 'active']);
        return jobs.some(
          (job: Job) =>
            job.data.code === CODE && job.attemptsMade >= 1 && /permission denied/.test(job.failedReason),
        );
      };
      expect(await until(failed, true)).toBe(true);
      expect(await until(() => publicationAt(padua).then((at) => at >= position), true)).toBe(true);
      expect(await stored()).toEqual([
        { audience: 'members', cities: both },
        { audience: 'public', cities: both },
      ]);
      expect(await reads()).toEqual(everywhere([ghent.city.slug], { ghent: 1, padua: 0 }));
    } finally {
      await admin.query(`GRANT SELECT ON published_values TO ${PUBLISHED_READER_ROLE}`);
    }
  }, 60_000);

  it('keeps what was published before the upgrade: the migration takes the flags from the log', async () => {
    // As at the upgrade: no flags table, then the migration (as the owner, as deployments run it).
    const owner = new DataSource(dataSourceOptions(api.config, 'owner'));
    await owner.initialize();
    try {
      const migration = new PublicationFlags1795708600000();
      await owner.transaction(async (em) => {
        const runner = em.queryRunner as NonNullable<typeof em.queryRunner>;
        await migration.down(runner);
        await migration.up(runner);
      });
    } finally {
      await owner.destroy();
    }
    // Each indicator's last change counts: Ghent published again, Padua withdrawn (once published).
    const { rows } = await admin.query<{ indicator_id: string; comparable: boolean; public: boolean }>(
      `SELECT indicator_id, comparable, public FROM publication_flags WHERE indicator_id = ANY($1::uuid[])
        ORDER BY indicator_id = $2 DESC`,
      [[ghent.indicatorId, padua.indicatorId], ghent.indicatorId],
    );
    expect(rows).toEqual([
      { indicator_id: ghent.indicatorId, comparable: true, public: true },
      { indicator_id: padua.indicatorId, comparable: false, public: false },
    ]);
    expect(await reads()).toEqual(everywhere([ghent.city.slug], { ghent: 1, padua: 0 }));
  }, 60_000);
});
