import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { asCityId } from '@rl/kernel';
import { Checkpoints } from '@rl/projections';
import { REDIS } from '@rl/queue';
import { ApiHarness, expectProblem, Session, TestCity, uniqueSuffix } from '../support/api-harness';
import { cityClient } from '../support/city-client';
import { eventually } from '../support/eventually';
import { fixtures } from '../support/fixtures';

const SITE = 'https://news.example.org';
const CC_BY = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"';

// A public indicator with a validated value, so the data routes answer with data.
const DATA_CODE = `PS-${randomUUID().slice(0, 6)}`;
const FRAMEWORK_CODE = `PS-${randomUUID().slice(0, 8)}`;

describe('Public surface: usable from other sites', () => {
  let api: ApiHarness;
  let city: TestCity;
  let coordinator: Session;

  beforeAll(async () => {
    let operator: Session;
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
    await api.http
      .put(`/v1/cities/${city.slug}/glossary/publication`)
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ public: true })
      .expect(200);
    const as = (session: Session) => cityClient(api, city, session);
    const organisationId = await fixtures.organisation(as(coordinator));
    const [official, reviewer] = [
      await api.member(operator, city, 'official'),
      await api.member(operator, city, 'official'),
    ];
    const indicator = await fixtures.indicator(as(coordinator), {
      code: DATA_CODE,
      name: 'Households evicted (illustrative)',
      frameworkRefs: [{ framework: 'other', code: FRAMEWORK_CODE }],
      status: 'active',
    });
    await fixtures.validated(as(official), as(reviewer), {
      indicatorId: indicator.id,
      periodId: await fixtures.period(as(coordinator), '2024'),
      organisationId,
      observations: [{ disaggregation: {}, value: 40 }],
    });
    await as(coordinator)
      .put(`indicators/${indicator.id}/publication`)
      .send({ comparable: true, public: true })
      .expect(200);
    await eventually('the public data', async () => {
      const res = await api.http.get(`/v1/public/cities/${city.slug}/data/${DATA_CODE}`);
      return res.status === 200 ? true : undefined;
    });
  }, 60_000);
  afterAll(() => api.close());

  const glossary = () => `/v1/public/cities/${city.slug}/glossary`;
  const publicRoutes = () => [
    '/v1/public/keys',
    '/v1/public/comparisons?framework=SDG&code=11.1.1&period=2024',
    `/v1/public/comparisons?framework=other&code=${FRAMEWORK_CODE}&period=2024`,
    `/v1/public/comparisons/series?framework=other&code=${FRAMEWORK_CODE}`,
    `/v1/public/cities/${city.slug}/indicators`,
    `/v1/public/cities/${city.slug}/data/${DATA_CODE}`,
    `/v1/public/cities/${city.slug}/data/${DATA_CODE}?format=csv`,
    `/v1/public/cities/${city.slug}/data/${DATA_CODE}/dictionary`,
    glossary(),
    `/v1/public/cities/${city.slug}/budget`,
    `/v1/public/cities/${city.slug}/catalog`,
  ];

  it('answers GET and HEAD of every public route to any origin, with the licence, and nothing more', async () => {
    for (const path of publicRoutes()) {
      const res = await api.http.get(path).set('Origin', SITE).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers['access-control-expose-headers']).toMatch(/ETag/);
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers.link).toBe(CC_BY);
      expect(res.headers.etag).toMatch(/^W\//);
      const head = await api.http.head(path).set('Origin', SITE).expect(200);
      expect(head.headers['access-control-allow-origin']).toBe('*');
      // Its own tag back is a 304 (retried: a projection may still move past the set-up's events).
      await eventually(`a 304 from ${path}`, async () => {
        const { etag } = (await api.http.get(path).expect(200)).headers;
        const again = await api.http.get(path).set('If-None-Match', etag);
        return again.status === 304 && again.text === '' ? true : undefined;
      });
    }
  });

  it('answers the preflight of a GET with GET and HEAD only', async () => {
    const res = await api.http
      .options(glossary())
      .set('Origin', SITE)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'if-none-match')
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(res.headers['access-control-allow-headers']).toMatch(/If-None-Match/);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('keeps the rest of the API closed to other origins', async () => {
    const res = await api.http
      .get(`/v1/cities/${city.slug}/glossary/terms`)
      .auth(coordinator.accessToken, { type: 'bearer' })
      .set('Origin', SITE)
      .expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers.link).toBeUndefined();
    const preflight = await api.http
      .options(`/v1/cities/${city.slug}/glossary/terms`)
      .set('Origin', SITE)
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });

  // Proposes and adopts a term, then waits until the public glossary shows `count` concepts.
  const adoptTerm = async (label: string, count: number, tag?: string) => {
    const term = await api.http
      .post(`/v1/cities/${city.slug}/glossary/terms`)
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ prefLabel: { en: label }, definition: { en: `${label} (illustrative)` } })
      .expect(201);
    await api.http
      .post(`/v1/cities/${city.slug}/glossary/terms/${term.body.id}/adopt`)
      .auth(coordinator.accessToken, { type: 'bearer' })
      .set('If-Match', String(term.body.version))
      .send({ note: 'Agreed' })
      .expect(200);
    await eventually(`${label} in the public glossary`, async () => {
      const res = await api.http.get(glossary()).set('If-None-Match', tag ?? '');
      return res.status === 200 && res.body.concepts.length === count ? true : undefined;
    });
    // The checkpoint also moves past events the projection ignores: read once it has the whole log.
    await eventually('the glossary terms projection at the head', async () => {
      const { position, head } = await api.app
        .get(Checkpoints)
        .reached(asCityId(city.id), 'glossary-terms', null, Number.MAX_SAFE_INTEGER);
      return position === head ? true : undefined;
    });
    return api.http.get(glossary()).expect(200);
  };

  it('tags an answer with the positions it was read from: 304 until a publishing write moves them', async () => {
    const first = await adoptTerm('Open data', 1);
    const tag = first.headers.etag;
    expect(first.headers['last-modified']).toBeDefined();
    expect((await api.http.get(glossary()).expect(200)).headers.etag).toBe(tag);
    const notModified = await api.http.get(glossary()).set('If-None-Match', tag).expect(304);
    expect(notModified.text).toBeFalsy();
    expect(notModified.headers.etag).toBe(tag);
    expect(notModified.headers.link).toBe(CC_BY);
    await api.http.get(glossary()).set('If-Modified-Since', first.headers['last-modified']).expect(304);
    // Another representation of the same positions is another answer.
    const turtle = await api.http.get(glossary()).set('Accept', 'text/turtle').set('If-None-Match', tag);
    expect(turtle.status).toBe(200);
    expect(turtle.headers.etag).not.toBe(tag);

    const changed = await adoptTerm('Accountability', 2, tag);
    expect(changed.headers.etag).not.toBe(tag);
    await api.http.get(glossary()).set('If-None-Match', changed.headers.etag).expect(304);
  });

  it('answers an unknown city with 404, whatever tag the client sends', async () => {
    const res = await api.http
      .get('/v1/public/cities/atlantis/glossary')
      .set('If-None-Match', '*')
      .expect(404);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('Public surface: anonymous reads throttled per address in Redis', () => {
  const LIMIT = 3;
  const prefix = `rl-test-public-${uniqueSuffix()}`;
  let proxied: ApiHarness;
  let direct: ApiHarness;

  beforeAll(async () => {
    const limits = { QUEUE_PREFIX: prefix, PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    [proxied, direct] = await Promise.all([
      ApiHarness.start({ ...limits, TRUST_PROXY: 'loopback' }),
      ApiHarness.start(limits),
    ]);
  }, 120_000);
  afterAll(async () => {
    const redis = proxied.app.get<Redis>(REDIS);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await Promise.all([proxied.close(), direct.close()]);
  });

  const read = (api: ApiHarness, address: string) =>
    api.http.get('/v1/public/keys').set('X-Forwarded-For', address);

  it('answers 429 problem+json with Retry-After past the limit, per client address behind a trusted proxy', async () => {
    for (let i = 0; i < LIMIT; i++) await read(proxied, '203.0.113.7').expect(200);
    const refused = await read(proxied, '203.0.113.7');
    expectProblem(refused, 429, 'PUBLIC.TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    await read(proxied, '203.0.113.8').expect(200);
  });

  it('believes no X-Forwarded-For without TRUST_PROXY: a forged one buys no fresh budget', async () => {
    for (let i = 0; i < LIMIT; i++) await read(direct, `198.51.100.${i + 1}`).expect(200);
    expectProblem(await read(direct, '198.51.100.99'), 429, 'PUBLIC.TOO_MANY_REQUESTS');
  });
});
