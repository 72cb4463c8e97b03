import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { PUBLICATION_PROJECTION } from '@rl/comparisons';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { Checkpoints } from '@rl/projections';
import { QueueName } from '@rl/queue';
import { ApiHarness, cityClient, expectProblem, Session, sleep, TestCity } from '../support';

// Three cities map an indicator each to SDG 11.1.1 in different units; what leaves a city is only what
// it published, and only validated values. Recomputation is asynchronous (the comparisons queue), so
// positive expectations are polled for and negative ones are checked once everything has settled.

interface Row {
  city: string;
  cityName: string;
  value: number;
  unit: string;
  period: string;
  rank?: number;
  normalisedValue: number | null;
  comparability: { score: number; comparable: boolean; caveats: { code: string; message: string }[] };
}
interface Comparison {
  framework: string;
  code: string;
  period: string;
  computedAt: string | null;
  rows: Row[];
}
interface SeriesView {
  computedAt: string | null;
  periods: string[];
  cities: { city: string; unit: string; points: { period: string; value: number }[] }[];
}
interface Site {
  name: string;
  city: TestCity;
  coordinator: Session;
  official: Session;
  // Four eyes: validates what the official submitted.
  reviewer: Session;
  organisationId: string;
  periods: Record<string, string>;
  // The city's last write: the publication projection has settled once it reached it.
  position: number;
}

const SDG = 'SDG';
const SLUMS = '11.1.1';
const WATER = '6.1.1';
const JOURNALISTS = '16.10.1';
const POLL_MS = 100;
const RECOMPUTE_WITHIN_MS = 10_000;

describe('Comparisons across cities: only published, validated data, honestly compared', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: Site; // percent; comparable and public
  let padua: Site; // per 1000 inhabitants; comparable only
  let utrecht: Site; // percent; unpublished at first; its 2024 value is submitted, never validated
  const indicators: Record<string, string> = {};

  const as = (site: Site, session: Session = site.coordinator) => cityClient(api, site.city, session);
  const wrote = <T extends { position?: number }>(site: Site, body: T): T => {
    site.position = Math.max(site.position, body.position ?? 0);
    return body;
  };

  const newSite = async (name: string): Promise<Site> => {
    const city = await api.city(operator, name);
    const site: Site = {
      name,
      city,
      coordinator: await api.member(operator, city, 'coordinator'),
      official: await api.member(operator, city, 'official'),
      reviewer: await api.member(operator, city, 'official'),
      organisationId: '',
      periods: {},
      position: 0,
    };
    const organisation = await as(site)
      .post('organisations')
      .send({ name: 'Statistics', kind: 'local_authority' });
    site.organisationId = organisation.body.id as string;
    for (const code of ['2023', '2024']) {
      const period = await as(site).post('periods').send({ code, deadline: '2099-01-31' }).expect(201);
      site.periods[code] = wrote(site, period.body as { id: string; position: number }).id;
    }
    return site;
  };
  const defineIndicator = async (
    site: Site,
    framework: { code: string; name: string; unit: string; direction: string },
  ): Promise<string> => {
    const res = await as(site)
      .post('indicators')
      .send({
        code: `CMP-${randomUUID().slice(0, 6)}`,
        name: framework.name,
        description: `${framework.name}, as defined by the SDG metadata`,
        right: 'adequate-housing',
        type: 'outcome',
        unit: framework.unit,
        direction: framework.direction,
        disaggregations: [],
        frameworkRefs: [{ framework: SDG, code: framework.code }],
        status: 'active',
      })
      .expect(201);
    return wrote(site, res.body as { id: string; position: number }).id;
  };
  const submit = async (site: Site, indicatorId: string, period: string, value: number) => {
    const res = await as(site, site.official)
      .post('submissions')
      .send({
        indicatorId,
        periodId: site.periods[period],
        organisationId: site.organisationId,
        observations: [{ disaggregation: {}, value }],
      })
      .expect(201);
    return wrote(site, res.body as { id: string; version: number; position: number });
  };
  const validate = async (site: Site, submission: { id: string; version: number }) => {
    const res = await as(site, site.reviewer)
      .post(`submissions/${submission.id}/validate`)
      .set('If-Match', String(submission.version))
      .send()
      .expect(200);
    wrote(site, res.body as { position: number });
  };
  const report = async (site: Site, indicatorId: string, period: string, value: number) =>
    validate(site, await submit(site, indicatorId, period, value));
  const publish = async (
    site: Site,
    indicatorId: string,
    flags: { comparable: boolean; public: boolean },
  ) => {
    const res = await as(site).put(`indicators/${indicatorId}/publication`).send(flags).expect(200);
    wrote(site, res.body as { position: number });
  };

  const query = (params: Record<string, string | number>) =>
    Object.entries(params)
      .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
      .join('&');
  // GET /v1/comparisons as `session`, or /v1/public/comparisons without one.
  const compare = async (
    session: Session | null,
    params: Record<string, string | number>,
    path = '',
  ): Promise<{ status: number; body: unknown; text: string }> => {
    const url = `/v1/${session ? '' : 'public/'}comparisons${path}?${query(params)}`;
    const req = session ? api.http.get(url).auth(session.accessToken, { type: 'bearer' }) : api.http.get(url);
    const res = await req;
    expect(res.status).toBe(200);
    return { status: res.status, body: res.body as unknown, text: res.text };
  };
  const rowsOf = async (session: Session | null, params: Record<string, string | number>) =>
    (await compare(session, { framework: SDG, code: SLUMS, ...params })).body as Comparison;
  const seriesOf = async (session: Session | null, params: Record<string, string | number>) =>
    (await compare(session, { framework: SDG, code: SLUMS, ...params }, '/series')).body as SeriesView;
  const cities = (comparison: Comparison) => comparison.rows.map((row) => row.city);

  // Polls until `done` holds (at most RECOMPUTE_WITHIN_MS) and returns the last read.
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + RECOMPUTE_WITHIN_MS;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await sleep(POLL_MS);
    }
  };
  // Everything the sites wrote has reached the shared tables (publication projection), and the
  // comparisons queue is idle with no code marked dirty: what a read shows now is final.
  const settle = async (...sites: Site[]) => {
    const checkpoints = api.worker.get(Checkpoints);
    const queue = api.worker.get<Queue>(getQueueToken(QueueName.Comparisons));
    const db = api.app.get(TenantDb);
    const reached = await until(
      async () => {
        for (const site of sites) {
          const position = await checkpoints.position(asCityId(site.city.id), PUBLICATION_PROJECTION);
          if (position < site.position) return false;
        }
        const jobs = await queue.getJobCounts('wait', 'delayed', 'active', 'prioritized', 'waiting-children');
        if (Object.values(jobs).some((n) => n > 0)) return false;
        const dirty = await db.platform((em) => em.query<unknown[]>(`SELECT 1 FROM comparison_dirty`));
        return dirty.length === 0;
      },
      (done) => done,
    );
    expect(reached).toBe(true);
  };

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    [ghent, padua, utrecht] = await Promise.all([newSite('Ghent'), newSite('Padua'), newSite('Utrecht')]);
    const slums = (unit: string) => ({
      code: SLUMS,
      name: 'Urban population living in slums, informal settlements or inadequate housing',
      unit,
      direction: 'lower_is_better',
    });
    indicators.ghent = await defineIndicator(ghent, slums('percent'));
    indicators.padua = await defineIndicator(padua, slums('per 1000 inhabitants'));
    indicators.utrecht = await defineIndicator(utrecht, slums('percent'));
    await report(ghent, indicators.ghent, '2023', 12);
    await report(ghent, indicators.ghent, '2024', 10);
    await report(padua, indicators.padua, '2023', 95);
    await report(padua, indicators.padua, '2024', 80);
    await report(utrecht, indicators.utrecht, '2023', 11);
    await submit(utrecht, indicators.utrecht, '2024', 7); // submitted, never validated

    // Another code, where higher is better.
    const water = (unit: string) => ({
      code: WATER,
      name: 'Population using safely managed drinking water services',
      unit,
      direction: 'higher_is_better',
    });
    indicators.ghentWater = await defineIndicator(ghent, water('percent'));
    indicators.paduaWater = await defineIndicator(padua, water('percent'));
    await report(ghent, indicators.ghentWater, '2024', 99.5);
    await report(padua, indicators.paduaWater, '2024', 98);

    // Padua keeps a validated indicator to itself.
    indicators.paduaJournalists = await defineIndicator(padua, {
      code: JOURNALISTS,
      name: 'Verified cases of killing of journalists',
      unit: 'count',
      direction: 'lower_is_better',
    });
    await report(padua, indicators.paduaJournalists, '2024', 3);

    await publish(ghent, indicators.ghent, { comparable: true, public: true });
    await publish(padua, indicators.padua, { comparable: true, public: false });
    await publish(ghent, indicators.ghentWater, { comparable: true, public: false });
    await publish(padua, indicators.paduaWater, { comparable: true, public: false });
  }, 60_000);
  afterAll(() => api.close());

  it('ranks the published, validated values across units, respecting the direction', async () => {
    const reader = utrecht.coordinator; // any signed-in user; Utrecht has published nothing
    const r2024 = await until(
      () => rowsOf(reader, { period: '2024' }),
      (c) => cities(c).length === 2,
    );
    expect(r2024).toEqual({
      framework: SDG,
      code: SLUMS,
      period: '2024',
      computedAt: expect.any(String),
      rows: [
        expect.objectContaining({ city: padua.city.slug, value: 80, unit: 'per 1000 inhabitants', rank: 1 }),
        expect.objectContaining({ city: ghent.city.slug, value: 10, unit: 'percent', rank: 2 }),
      ],
    });
    // Per 1000 → percent (the unit most cities use), and said so.
    const [paduaRow, ghentRow] = r2024.rows;
    expect(paduaRow.normalisedValue).toBe(8);
    expect(paduaRow.comparability.caveats.map((c) => c.code)).toEqual(['UNIT_CONVERTED']);
    expect(paduaRow.comparability.score).toBeGreaterThanOrEqual(0.6);
    expect(ghentRow.comparability).toEqual({ score: 1, comparable: true, caveats: [] });

    const r2023 = await rowsOf(reader, { period: '2023' });
    expect(r2023.rows.map((r) => [r.city, r.value, r.rank])).toEqual([
      [padua.city.slug, 95, 1],
      [ghent.city.slug, 12, 2],
    ]);

    // Where higher is better, the higher share ranks first.
    const water = await until(
      () => rowsOf(reader, { code: WATER, period: '2024' }),
      (c) => cities(c).length === 2,
    );
    expect(water.rows.map((r) => [r.city, r.value, r.rank])).toEqual([
      [ghent.city.slug, 99.5, 1],
      [padua.city.slug, 98, 2],
    ]);
  });

  it('never shows an unpublished indicator, not even as a count, whatever the parameters or the reader', async () => {
    await settle(ghent, padua, utrecht);
    const secrets = [
      utrecht.city.slug,
      indicators.utrecht,
      indicators.paduaJournalists,
      'Utrecht',
      'journalists',
    ];
    const noSecrets = (text: string) => {
      for (const secret of secrets) expect(text).not.toContain(secret);
    };
    const nowhere = `nowhere-${randomUUID().slice(0, 6)}`;
    const unknownCode = `99.${randomUUID().slice(0, 4)}`;

    for (const reader of [ghent.coordinator, padua.coordinator, utrecht.coordinator, null]) {
      // Utrecht's own 11.1.1 (validated 2023 value) under every period and city filter.
      for (const period of ['2023', '2024', '2022']) {
        const all = await compare(reader, { framework: SDG, code: SLUMS, period });
        noSecrets(all.text);
        const onlyUtrecht = await compare(reader, {
          framework: SDG,
          code: SLUMS,
          period,
          cities: utrecht.city.slug,
        });
        const onlyNowhere = await compare(reader, { framework: SDG, code: SLUMS, period, cities: nowhere });
        expect(onlyUtrecht.body).toEqual(onlyNowhere.body);
        expect((onlyUtrecht.body as Comparison).rows).toEqual([]);
        const mixed = await compare(reader, {
          framework: SDG,
          code: SLUMS,
          period,
          cities: `${ghent.city.slug},${utrecht.city.slug}`,
        });
        const ghentOnly = await compare(reader, {
          framework: SDG,
          code: SLUMS,
          period,
          cities: ghent.city.slug,
        });
        expect(mixed.body).toEqual(ghentOnly.body);
      }
      const series = await compare(reader, { framework: SDG, code: SLUMS }, '/series');
      noSecrets(series.text);
      const seriesUtrecht = await compare(
        reader,
        { framework: SDG, code: SLUMS, cities: utrecht.city.slug },
        '/series',
      );
      const seriesNowhere = await compare(
        reader,
        { framework: SDG, code: SLUMS, cities: nowhere },
        '/series',
      );
      expect(seriesUtrecht.body).toEqual(seriesNowhere.body);
      expect(seriesUtrecht.body).toEqual(expect.objectContaining({ periods: [], cities: [] }));

      // Padua's unpublished 16.10.1 reads exactly like a code nobody uses.
      const periods: Record<string, string>[] = [
        { period: '2024' },
        { period: '2024', cities: padua.city.slug },
        { period: '2023' },
      ];
      for (const params of periods) {
        const secret = await compare(reader, { framework: SDG, code: JOURNALISTS, ...params });
        const unknown = await compare(reader, { framework: SDG, code: unknownCode, ...params });
        expect(secret.body).toEqual({ ...(unknown.body as Comparison), code: JOURNALISTS });
        expect(secret.body).toEqual({
          framework: SDG,
          code: JOURNALISTS,
          period: params.period,
          computedAt: null,
          rows: [],
        });
      }
      const ranges: Record<string, string | number>[] = [
        {},
        { cities: padua.city.slug },
        { from: 2000, to: 2030 },
      ];
      for (const params of ranges) {
        const secret = await compare(reader, { framework: SDG, code: JOURNALISTS, ...params }, '/series');
        const unknown = await compare(reader, { framework: SDG, code: unknownCode, ...params }, '/series');
        expect(secret.body).toEqual({ ...(unknown.body as SeriesView), code: JOURNALISTS });
        expect(secret.body).toEqual(expect.objectContaining({ computedAt: null, periods: [], cities: [] }));
      }
    }

    // Ghent's coordinator cannot reach into Padua's or Utrecht's own routes either.
    for (const site of [padua, utrecht]) {
      expectProblem(
        await api.http
          .get(`/v1/cities/${site.city.slug}/indicators/${indicators.utrecht}/publication`)
          .auth(ghent.coordinator.accessToken, { type: 'bearer' }),
        404,
        'CITY.NOT_FOUND',
      );
    }
    // The public city pages show nothing of what is not public.
    for (const site of [padua, utrecht]) {
      const page = await api.http.get(`/v1/public/cities/${site.city.slug}/indicators`).expect(200);
      expect(page.body).toEqual([]);
    }
  });

  it('never shows a submitted value that is not validated', async () => {
    await publish(utrecht, indicators.utrecht, { comparable: true, public: false });
    const reader = ghent.coordinator;
    const r2023 = await until(
      () => rowsOf(reader, { period: '2023' }),
      (c) => cities(c).includes(utrecht.city.slug),
    );
    // 2023 is validated: Utrecht joins (11 %), between Padua (9.5 %) and Ghent (12 %).
    expect(r2023.rows.map((r) => [r.city, r.value, r.rank])).toEqual([
      [padua.city.slug, 95, 1],
      [utrecht.city.slug, 11, 2],
      [ghent.city.slug, 12, 3],
    ]);
    await settle(utrecht);
    // 2024 is only submitted: Utrecht is not there, and its series stops at 2023.
    const r2024 = await rowsOf(reader, { period: '2024' });
    expect(cities(r2024)).toEqual([padua.city.slug, ghent.city.slug]);
    const series = await seriesOf(reader, { cities: utrecht.city.slug });
    expect(series.cities).toEqual([
      expect.objectContaining({
        city: utrecht.city.slug,
        points: [expect.objectContaining({ period: '2023', value: 11 })],
      }),
    ]);
    expect(series.periods).toEqual(['2023']);
    const all = await seriesOf(reader, {});
    const utrechtPoints = all.cities.find((c) => c.city === utrecht.city.slug)?.points ?? [];
    expect(utrechtPoints.map((p) => p.period)).toEqual(['2023']);
    expect(utrechtPoints.map((p) => p.value)).not.toContain(7);
  });

  it('ranks a chosen subset of cities among themselves', async () => {
    const reader = padua.coordinator;
    const subset = await rowsOf(reader, {
      period: '2023',
      cities: `${ghent.city.slug},${utrecht.city.slug}`,
    });
    expect(subset.rows.map((r) => [r.city, r.rank])).toEqual([
      [utrecht.city.slug, 1],
      [ghent.city.slug, 2],
    ]);
    const one = await rowsOf(reader, { period: '2023', cities: ghent.city.slug });
    expect(one.rows.map((r) => [r.city, r.rank])).toEqual([[ghent.city.slug, 1]]);
    // Repeating the parameter is the same as a comma list.
    const repeated = await api.http
      .get(
        `/v1/comparisons?framework=SDG&code=${SLUMS}&period=2023&cities=${ghent.city.slug}&cities=${utrecht.city.slug}`,
      )
      .auth(reader.accessToken, { type: 'bearer' })
      .expect(200);
    expect(repeated.body).toEqual(subset);
  });

  it('exports the cities side by side as CSV', async () => {
    const res = await api.http
      .get(`/v1/comparisons/series?framework=SDG&code=${SLUMS}&from=2023&to=2024&format=csv`)
      .auth(ghent.official.accessToken, { type: 'bearer' })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    const lines = parse<Record<string, string>>(res.text, { columns: true, skip_empty_lines: true });
    expect(lines.map((l) => [l.city, l.period, Number(l.value), l.unit])).toEqual([
      [ghent.city.slug, '2023', 12, 'percent'],
      [ghent.city.slug, '2024', 10, 'percent'],
      [padua.city.slug, '2023', 95, 'per 1000 inhabitants'],
      [padua.city.slug, '2024', 80, 'per 1000 inhabitants'],
      [utrecht.city.slug, '2023', 11, 'percent'],
    ]);
    const padua2024 = lines.find((l) => l.city === padua.city.slug && l.period === '2024');
    expect(Number(padua2024?.normalised_value)).toBe(8);
    expect(padua2024?.caveats).toContain('UNIT_CONVERTED');
    expect(Number(padua2024?.comparability_score)).toBeGreaterThan(0);

    const json = await seriesOf(ghent.official, { from: 2023, to: 2024 });
    expect(json.periods).toEqual(['2023', '2024']);
    expect(json.cities.map((c) => c.city)).toEqual([ghent.city.slug, padua.city.slug, utrecht.city.slug]);
  });

  it('removes an unpublished indicator from the next read', async () => {
    await publish(utrecht, indicators.utrecht, { comparable: false, public: false });
    const reader = padua.coordinator;
    const r2023 = await until(
      () => rowsOf(reader, { period: '2023' }),
      (c) => !cities(c).includes(utrecht.city.slug),
    );
    expect(cities(r2023)).toEqual([padua.city.slug, ghent.city.slug]);
    await settle(utrecht);
    const read = await compare(reader, { framework: SDG, code: SLUMS, period: '2023' });
    expect(read.text).not.toContain(utrecht.city.slug);
    const series = await compare(reader, { framework: SDG, code: SLUMS }, '/series');
    expect(series.text).not.toContain(utrecht.city.slug);
    const subset = await rowsOf(reader, { period: '2023', cities: utrecht.city.slug });
    expect(subset.rows).toEqual([]);
  });

  it('shows anonymous readers the public indicators only', async () => {
    await settle(ghent, padua, utrecht);
    for (const period of ['2023', '2024']) {
      const open = await rowsOf(null, { period });
      expect(cities(open)).toEqual([ghent.city.slug]);
      // Alone, Ghent is first.
      expect(open.rows[0].rank).toBe(1);
    }
    const series = await seriesOf(null, {});
    expect(series.cities.map((c) => c.city)).toEqual([ghent.city.slug]);
    const paduaOnly = await rowsOf(null, { period: '2024', cities: padua.city.slug });
    expect(paduaOnly.rows).toEqual([]);
    // Comparable-only codes do not exist for the public.
    const water = await compare(null, { framework: SDG, code: WATER, period: '2024' });
    expect(water.body).toEqual({ framework: SDG, code: WATER, period: '2024', computedAt: null, rows: [] });

    const page = await api.http.get(`/v1/public/cities/${ghent.city.slug}/indicators`).expect(200);
    expect(page.body).toEqual([
      expect.objectContaining({
        id: indicators.ghent,
        name: 'Urban population living in slums, informal settlements or inadequate housing',
        unit: 'percent',
        direction: 'lower_is_better',
        frameworkRefs: [{ framework: SDG, code: SLUMS }],
        latest: { period: '2024', year: 2024, value: 10, status: 'normal' },
      }),
    ]);
    expectProblem(
      await api.http.get(`/v1/public/cities/nowhere-${randomUUID().slice(0, 6)}/indicators`),
      404,
      'CITY.NOT_FOUND',
    );
  });

  it('answers 401 without a token and 400 naming each bad parameter', async () => {
    expectProblem(await api.http.get(`/v1/comparisons?framework=SDG&code=${SLUMS}&period=2024`), 401);
    expectProblem(await api.http.get(`/v1/comparisons/series?framework=SDG&code=${SLUMS}`), 401);
    const bad = async (path: string, params: string, fields: string[]) => {
      const res = await api.http
        .get(`${path}?${params}`)
        .auth(ghent.coordinator.accessToken, { type: 'bearer' });
      const problem = expectProblem(res, 400);
      expect(problem.errors.map((e) => e.field).sort()).toEqual(expect.arrayContaining(fields));
    };
    await bad('/v1/comparisons', `framework=SDG&code=${SLUMS}`, ['period']);
    await bad('/v1/comparisons', `code=${SLUMS}&period=2024`, ['framework']);
    await bad('/v1/comparisons', 'framework=XYZ&code=&period=24', ['framework', 'code', 'period']);
    await bad('/v1/comparisons', `framework=SDG&code=${SLUMS}&period=2024&cities=Not%20A%20Slug`, ['cities']);
    await bad('/v1/comparisons', `framework=SDG&code=${SLUMS}&period=2024&cities=,`, ['cities']);
    await bad('/v1/comparisons', `framework=SDG&code=${SLUMS}&period=2024&city=ghent`, ['city']);
    await bad('/v1/comparisons/series', `framework=SDG&code=${SLUMS}&format=xml&from=abc`, [
      'format',
      'from',
    ]);
    await bad('/v1/comparisons/series', `framework=SDG&code=${SLUMS}&from=2020&to=2010`, ['from']);
    const open = await api.http.get(`/v1/public/comparisons?framework=SDG&code=${SLUMS}`);
    expect(expectProblem(open, 400).errors.map((e) => e.field)).toEqual(['period']);
  });

  describe('in the database', () => {
    let dataSource: DataSource;
    const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => dataSource.transaction(work);
    const tenantsIn = (em: EntityManager, table: string) =>
      em
        .query<{ tenant_id: string }[]>(`SELECT DISTINCT tenant_id FROM "${table}"`)
        .then((rows) => rows.map((r) => r.tenant_id).sort());
    const failure = async (work: () => Promise<unknown>): Promise<string | undefined> => {
      try {
        await work();
        return undefined;
      } catch (error) {
        return error instanceof QueryFailedError
          ? (error.driverError as { code?: string }).code
          : String(error);
      }
    };

    beforeAll(async () => {
      dataSource = api.app.get(DataSource);
      await settle(ghent, padua, utrecht);
    });

    it("keeps another city's published rows from the application role without a reader role", async () => {
      const seen = await inTransaction(async (em) => {
        await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [ghent.city.id]);
        return {
          indicators: await tenantsIn(em, 'published_indicators'),
          values: await tenantsIn(em, 'published_values'),
          padua: await em.query<unknown[]>(`SELECT * FROM published_values WHERE tenant_id = $1`, [
            padua.city.id,
          ]),
        };
      });
      expect(seen).toEqual({ indicators: [ghent.city.id], values: [ghent.city.id], padua: [] });
      // No city set: nothing at all (NOINHERIT: the reader roles' policies do not apply).
      const none = await inTransaction((em) => tenantsIn(em, 'published_indicators'));
      expect(none).toEqual([]);
    });

    it('lets the public reader role see public rows only, and no tenant table at all', async () => {
      const seen = await inTransaction(async (em) => {
        await em.query('SET LOCAL ROLE rl_public_reader');
        return {
          indicators: await tenantsIn(em, 'published_indicators'),
          values: await tenantsIn(em, 'published_values'),
          comparableOnly: await em.query<unknown[]>(
            `SELECT * FROM published_indicators WHERE NOT public AND tenant_id = ANY($1::uuid[])`,
            [[ghent.city.id, padua.city.id, utrecht.city.id]],
          ),
        };
      });
      expect(seen.indicators).toContain(ghent.city.id);
      expect(seen.indicators).not.toContain(padua.city.id);
      expect(seen.values).not.toContain(padua.city.id);
      expect(seen.comparableOnly).toEqual([]);
      // Even with a city set, the public reader does not see that city's comparable-only rows of another.
      const withCity = await inTransaction(async (em) => {
        await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [ghent.city.id]);
        await em.query('SET LOCAL ROLE rl_public_reader');
        return em.query<unknown[]>(`SELECT * FROM published_values WHERE tenant_id = $1`, [padua.city.id]);
      });
      expect(withCity).toEqual([]);

      for (const role of ['rl_public_reader', 'rl_published_reader']) {
        for (const table of [
          'events',
          'publication_indicators',
          'publication_values',
          'indicators',
          'cities',
        ]) {
          const code = await failure(() =>
            inTransaction(async (em) => {
              await em.query(`SET LOCAL ROLE ${role}`);
              await em.query(`SELECT 1 FROM "${table}" LIMIT 1`);
            }),
          );
          expect([role, table, code]).toEqual([role, table, '42501']);
        }
        // Read only: not even a published table can be written.
        const code = await failure(() =>
          inTransaction(async (em) => {
            await em.query(`SET LOCAL ROLE ${role}`);
            await em.query(`DELETE FROM published_values WHERE tenant_id = $1`, [ghent.city.id]);
          }),
        );
        expect(code).toBe('42501');
      }
    });

    it('lets the members reader role see comparable and public rows, never unpublished ones', async () => {
      const seen = await inTransaction(async (em) => {
        await em.query('SET LOCAL ROLE rl_published_reader');
        return {
          indicators: await em.query<{ indicator_id: string }[]>(
            `SELECT indicator_id FROM published_indicators WHERE tenant_id = ANY($1::uuid[])`,
            [[ghent.city.id, padua.city.id, utrecht.city.id]],
          ),
        };
      });
      const ids = seen.indicators.map((r) => r.indicator_id);
      expect(ids).toEqual(expect.arrayContaining([indicators.ghent, indicators.padua]));
      expect(ids).not.toContain(indicators.utrecht);
      expect(ids).not.toContain(indicators.paduaJournalists);
    });
  });

  it('shows a caveat while the cities link glossary terms not matched as the same, and none once they are', async () => {
    const water2024 = () => compare(padua.coordinator, { framework: SDG, code: WATER, period: '2024' });
    const caveatsOf = (comparison: Comparison) =>
      comparison.rows.map((row) => row.comparability.caveats.map((c) => c.code));
    const adoptedTerm = async (site: Site, prefLabel: Record<string, string>) => {
      const term = await as(site)
        .post('glossary/terms')
        .send({
          prefLabel,
          definition: { en: 'Drinking water from a safely managed source (illustrative).' },
        })
        .expect(201);
      const adopted = await as(site)
        .post(`glossary/terms/${term.body.id}/adopt`)
        .set('If-Match', '1')
        .send({ note: 'Agreed' })
        .expect(200);
      wrote(site, adopted.body as { position: number });
      return { id: term.body.id as string, position: adopted.body.position as number };
    };
    const link = async (site: Site, indicatorId: string, termId: string) => {
      const current = await as(site)
        .get(`indicators/${indicatorId}?minPosition=${site.position}`)
        .expect(200);
      const res = await as(site)
        .patch(`indicators/${indicatorId}`)
        .set('If-Match', String(current.body.version))
        .send({ terms: [termId] })
        .expect(200);
      wrote(site, res.body as { position: number });
    };
    const ghentTerm = await adoptedTerm(ghent, { en: 'Safely managed water' });
    const paduaTerm = await adoptedTerm(padua, { en: 'Safe water', it: 'Acqua sicura' });
    await link(ghent, indicators.ghentWater, ghentTerm.id);
    await link(padua, indicators.paduaWater, paduaTerm.id);
    const differing = await until(
      async () => (await water2024()).body as Comparison,
      (c) => caveatsOf(c).every((codes) => codes.includes('TERMS_DIFFER')),
    );
    expect(caveatsOf(differing)).toEqual([['TERMS_DIFFER'], ['TERMS_DIFFER']]);
    expect(differing.rows[0].comparability.caveats[0].message).toMatch(
      /not recorded as the same \(exactMatch\)/,
    );

    await as(ghent).put('glossary/publication').send({ public: true }).expect(200);
    await as(ghent).get(`glossary/terms/${ghentTerm.id}?minPosition=${ghentTerm.position}`).expect(200);
    const matched = await as(padua)
      .post(`glossary/terms/${paduaTerm.id}/matches`)
      .send({ city: ghent.city.slug, termId: ghentTerm.id, kind: 'exactMatch' })
      .expect(201);
    wrote(padua, matched.body as { position: number });
    const same = await until(
      async () => (await water2024()).body as Comparison,
      (c) => caveatsOf(c).every((codes) => codes.length === 0),
    );
    expect(caveatsOf(same)).toEqual([[], []]);
  });
});
