import { DataSource } from 'typeorm';
import { EventStore } from '@rl/event-store';
import { asCityId } from '@rl/kernel';
import { seedChain } from '../../infra/bench/chain-seed';
import { ApiHarness, expectProblem, Session, TestCity } from '../support/api-harness';

const nextOf = (link: string | undefined) => /^<([^>]+)>; rel="next"$/.exec(link ?? '')?.[1];

// Every list that can grow is served in pages, and one city's heavy request leaves the others served.
describe('Fair share for every city', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: TestCity;
  let coordinator: Session;

  beforeAll(async () => {
    ({ api, operator, city: ghent, coordinator } = await ApiHarness.startWithCity('Ghent'));
  });
  afterAll(() => api.close());

  const get = (path: string, session = coordinator) =>
    api.http.get(path).auth(session.accessToken, { type: 'bearer' });

  // Follows Link rel="next" from `first` and returns every page's items.
  const walk = async (first: string, session = coordinator) => {
    const pages: unknown[][] = [];
    for (let url: string | undefined = first; url !== undefined;) {
      const res = await get(url, session).expect(200);
      pages.push(res.body as unknown[]);
      url = nextOf(res.headers.link);
    }
    return pages;
  };

  describe('cursor pagination', () => {
    it('pages organisations by name with a capped limit and a Link to the next page', async () => {
      const names = ['Echo', 'Alfa', 'Delta', 'Bravo', 'Charlie'];
      let position = 0;
      for (const name of names) {
        const res = await api.http
          .post(`/v1/cities/${ghent.slug}/organisations`)
          .auth(coordinator.accessToken, { type: 'bearer' })
          .send({ name, kind: 'cso' })
          .expect(201);
        position = res.body.position;
      }
      const pages = await walk(`/v1/cities/${ghent.slug}/organisations?limit=2&minPosition=${position}`);
      expect(pages.map((page) => page.map((o) => (o as { name: string }).name))).toEqual([
        ['Alfa', 'Bravo'],
        ['Charlie', 'Delta'],
        ['Echo'],
      ]);
      const all = await get(`/v1/cities/${ghent.slug}/organisations`).expect(200);
      expect(all.headers.link).toBeUndefined();
      expect(all.body).toHaveLength(5);
    });

    it('pages members, one per page, without gaps or repeats', async () => {
      for (const role of ['official', 'auditor', 'researcher'] as const)
        await api.member(operator, ghent, role);
      const pages = await walk(`/v1/cities/${ghent.slug}/members?limit=1`);
      expect(pages).toHaveLength(4);
      expect(pages.flat().map((m) => (m as { role: string }).role)).toEqual([
        'auditor',
        'coordinator',
        'official',
        'researcher',
      ]);
    });

    it('pages comments by thread: each page holds `limit` top-level comments with all their replies', async () => {
      const period = await api.http
        .post(`/v1/cities/${ghent.slug}/periods`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .send({ code: '2023', deadline: '2024-03-31' })
        .expect(201);
      const target = { kind: 'period', id: period.body.id as string };
      const comment = async (body: string, parentId?: string) =>
        (
          await api.http
            .post(`/v1/cities/${ghent.slug}/comments`)
            .auth(coordinator.accessToken, { type: 'bearer' })
            .send({ target, body, ...(parentId && { parentId }) })
            .expect(201)
        ).body as { id: string; position: number };
      let last = { id: '', position: 0 };
      for (const thread of ['one', 'two', 'three']) {
        const root = await comment(`Thread ${thread}`);
        const reply = await comment(`Reply to ${thread}`, root.id);
        last = await comment(`Reply to the reply in ${thread}`, reply.id);
      }
      const pages = await walk(
        `/v1/cities/${ghent.slug}/comments?targetKind=period&targetId=${target.id}&limit=2&minPosition=${last.position}`,
      );
      type Thread = { body: string; replies: Thread[] };
      const shape = (t: Thread): unknown => [t.body, ...t.replies.map(shape)];
      expect(pages.map((page) => (page as Thread[]).map(shape))).toEqual([
        [
          ['Thread one', ['Reply to one', ['Reply to the reply in one']]],
          ['Thread two', ['Reply to two', ['Reply to the reply in two']]],
        ],
        [['Thread three', ['Reply to three', ['Reply to the reply in three']]]],
      ]);
    });

    it('pages the platform cities for operators by slug', async () => {
      const pages = await walk('/v1/platform/cities?limit=1', operator);
      const slugs = pages.flat().map((c) => (c as { slug: string }).slug);
      expect(pages.every((page) => page.length === 1)).toBe(true);
      expect(slugs).toContain(ghent.slug);
      expect([...slugs].sort()).toEqual(slugs);
      expectProblem(await get('/v1/platform/cities?limit=0', operator), 400);
    });

    it('pages an audit stream by version, with next in the body', async () => {
      const head = await seedChain(api.app.get(EventStore), asCityId(ghent.id), 5, {
        batch: 5,
        prefix: 'paged',
      });
      expect(head).toBeGreaterThan(0);
      const stream = `/v1/cities/${ghent.slug}/audit/streams/paged-0`;
      const first = await get(`${stream}?limit=2`).expect(200);
      expect(first.body.events.map((e: { version: number }) => e.version)).toEqual([1, 2]);
      expect(first.body.next).toBe(2);
      const last = await get(`${stream}?limit=2&after=4`).expect(200);
      expect(last.body).toEqual(expect.objectContaining({ next: null, events: [expect.any(Object)] }));
    });

    it.each([
      ['organisations?limit=0', 'limit'],
      ['organisations?limit=abc', 'limit'],
      ['organisations?limit=1001', 'limit'],
      ['comments?limit=0', 'limit'],
      ['comments?after=WyJ4Il0', 'after'],
      // Right arity, but values PostgreSQL could not cast: refused before any SQL.
      [
        `comments?after=${Buffer.from('["yesterday","0196c1d2-7a3b-7c4d-8e5f-0123456789ab"]').toString('base64url')}`,
        'after',
      ],
      [
        `periods?after=${Buffer.from('["2023-02-30","2023-12-31","0196c1d2-7a3b-7c4d-8e5f-0123456789ab"]').toString('base64url')}`,
        'after',
      ],
      ['organisations?after=%2F%2F', 'after'],
      // Well-formed base64url, but not a cursor of this list (a number where a name belongs).
      [`organisations?after=${Buffer.from('[1]').toString('base64url')}`, 'after'],
      [`submissions?after=${Buffer.from('{"id":1}').toString('base64url')}`, 'after'],
      ['indicators?limit=-1', 'limit'],
      ['assignments?limit=2000', 'limit'],
      ['indicators/0196c1d2-7a3b-7c4d-8e5f-0123456789ab/series?limit=0', 'limit'],
      [
        `indicators/0196c1d2-7a3b-7c4d-8e5f-0123456789ab/series?after=${Buffer.from('["2024-01-01","2024-12-31","x"]').toString('base64url')}`,
        'after',
      ],
      [`assignments?after=${Buffer.from('["2024-01-01","x"]').toString('base64url')}`, 'after'],
      ['periods?limit=1.5', 'limit'],
      ['members?limit=100000', 'limit'],
      ['webhooks/deliveries?after=bm90LWpzb24', 'after'],
      ['audit/streams/paged-0?limit=0', 'limit'],
    ])('answers 400 naming the field for %s', async (query, field) => {
      const res = await get(`/v1/cities/${ghent.slug}/${query}`);
      expect(expectProblem(res, 400).errors.map((e) => e.field)).toContain(field);
    });
  });

  it('documents limit, the cursor and the Link header of every paged list in OpenAPI', async () => {
    const doc = (await api.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, { get: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
    };
    const paged: [string, string][] = [
      ['/v1/platform/cities', 'after'],
      ['/v1/cities/{city}/organisations', 'after'],
      ['/v1/cities/{city}/indicators', 'after'],
      ['/v1/cities/{city}/indicators/{id}/series', 'after'],
      ['/v1/cities/{city}/periods', 'after'],
      ['/v1/cities/{city}/assignments', 'after'],
      ['/v1/cities/{city}/submissions', 'after'],
      ['/v1/cities/{city}/comments', 'after'],
      ['/v1/cities/{city}/members', 'after'],
      ['/v1/cities/{city}/webhooks/deliveries', 'after'],
      ['/v1/me/notifications', 'before'],
    ];
    for (const [path, cursor] of paged) {
      const operation = doc.paths[path]?.get;
      expect([path, operation?.parameters.map((p) => p.name)]).toEqual([
        path,
        expect.arrayContaining(['limit', cursor]),
      ]);
      expect(operation.responses['200']).toEqual(
        expect.objectContaining({ headers: { Link: expect.any(Object) } }),
      );
    }
  });

  describe('audit verification', () => {
    const EVENTS = 20_000;
    let padua: TestCity;
    let paduan: Session;
    let head: number;

    beforeAll(async () => {
      padua = await api.city(operator, 'Padua');
      paduan = await api.member(operator, padua, 'coordinator');
      head = await seedChain(api.app.get(EventStore), asCityId(ghent.id), EVENTS);
    }, 120_000);

    // Whether a verification of the city holds its advisory lock (pg_locks shows the two int4 keys).
    const verifying = async (city: TestCity) => {
      const [row] = await api.app.get(DataSource).query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted
            AND classid = (hashtext('audit-verify')::bigint & 4294967295)::oid
            AND objid = (hashtext($1)::bigint & 4294967295)::oid AND objsubid = 2`,
        [city.id],
      );
      return row.n > 0;
    };

    it("runs one verification per city: a second one gets 429, other cities' reads and verifications go on", async () => {
      const verify = (city: TestCity, session: Session) =>
        get(`/v1/cities/${city.slug}/audit/verify`, session);
      const started = Date.now();
      const first = verify(ghent, coordinator).then((res) => res);
      while (!(await verifying(ghent))) await new Promise((resolve) => setTimeout(resolve, 5));

      const second = await verify(ghent, coordinator);
      expect(expectProblem(second, 429, 'AUDIT.VERIFY_RUNNING').detail).toMatch(/already running/);
      expect(second.headers['retry-after']).toBe('5');

      const reads: number[] = [];
      while (await verifying(ghent)) {
        const t = Date.now();
        await get(`/v1/cities/${padua.slug}/organisations`, paduan).expect(200);
        await get(`/v1/cities/${padua.slug}/indicators`, paduan).expect(200);
        reads.push(Date.now() - t);
      }
      expect((await verify(padua, paduan).expect(200)).body.ok).toBe(true);

      const res = await first;
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ ok: true, headPosition: head }));
      expect(res.body.events).toBe(head);
      expect(reads.length).toBeGreaterThan(0);
      process.stdout.write(
        `verify of ${head} events: ${Date.now() - started} ms; ${reads.length} pairs of reads of another city meanwhile, slowest ${Math.max(...reads)} ms\n`,
      );
      // Free again once it has finished.
      await verify(ghent, coordinator).expect(200);
    }, 120_000);
  });

  describe('pool acquire timeout', () => {
    let small: ApiHarness;
    beforeAll(async () => {
      small = await ApiHarness.start({ DB_POOL_SIZE: '1', DB_POOL_ACQUIRE_TIMEOUT_MS: '300' });
    });
    afterAll(() => small.close());

    it('answers 503 DATABASE.BUSY with Retry-After when no connection frees up in time', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // The only pooled connection, held by a long transaction.
      const holding = small.app.get(DataSource).transaction(() => held);
      try {
        const started = Date.now();
        const res = await small.http
          .post('/v1/auth/login')
          .send({ email: 'nobody@example.test', password: 'correct-horse-battery-staple' });
        expectProblem(res, 503, 'DATABASE.BUSY');
        expect(res.headers['retry-after']).toBe('1');
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        release();
        await holding;
      }
      // The pool recovers once the connection is back.
      await small.http.get('/health/ready').expect(200);
    });
  });
});
