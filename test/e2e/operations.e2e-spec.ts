import { METRICS_TOKEN_SCHEME } from '@rl/web';
import { ApiHarness, expectProblem, PASSWORD, Session, uniqueSuffix } from '../support/api-harness';

// The routes of the contract implemented so far, in OpenAPI notation.
const CONTRACT_PATHS = [
  '/v1/auth/login',
  '/v1/auth/refresh',
  '/v1/auth/logout',
  '/v1/auth/accept-invite',
  '/v1/auth/password-reset',
  '/v1/auth/password-reset/confirm',
  '/v1/me',
  '/v1/me/invitations',
  '/v1/me/invitations/{id}/accept',
  '/v1/me/invitations/{id}/decline',
  '/v1/me/password',
  '/v1/platform/cities',
  '/v1/cities/{city}/members',
  '/v1/cities/{city}/members/{userId}',
  '/health',
  '/health/ready',
  '/metrics',
];
const isPublic = (path: string) =>
  ['/health', '/health/ready', '/metrics'].includes(path) ||
  path.startsWith('/v1/auth/') ||
  path.startsWith('/v1/public/') ||
  // Charts other sites embed in an <img>, and the public HTML pages: no token can come with them.
  path.startsWith('/embed/') ||
  path.startsWith('/cities/') ||
  // KoboToolbox's REST Service cannot send a bearer token: the push URL's secret is in its path.
  path.startsWith('/v1/collection-push/') ||
  // Calendar apps cannot send a bearer token: the feed's secret is in its link.
  path.endsWith('/calendar.ics');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface OpenApiOperation {
  security?: Record<string, string[]>[];
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
}
interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

describe('Operations: health, metrics, docs and HTTP hygiene', () => {
  let api: ApiHarness;
  let operator: Session;

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
  });
  afterAll(() => api.close());

  describe('health', () => {
    it('GET /health answers 200 {status:"ok"}', async () => {
      const res = await api.http.get('/health').expect(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('GET /health/ready answers 200 with PostgreSQL and Redis up', async () => {
      const res = await api.http.get('/health/ready').expect(200);
      expect(res.body.checks.postgres).toEqual({ status: 'up' });
      expect(res.body.checks.redis).toEqual({ status: 'up' });
    });
  });

  describe('metrics', () => {
    const durationLines = (text: string) =>
      text.split('\n').filter((line) => line.startsWith('http_request_duration_seconds_count{'));

    it('GET /metrics is Prometheus text with request durations labelled by route', async () => {
      await api.http.get('/v1/me').auth(operator.accessToken, { type: 'bearer' }).expect(200);

      const res = await api.http.get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
      expect(durationLines(res.text)).toContainEqual(expect.stringMatching(/route="\/v1\/me"/));
      expect(durationLines(res.text)).toContainEqual(
        expect.stringMatching(
          /^http_request_duration_seconds_count\{(?=[^}]*method="GET")(?=[^}]*route="\/v1\/me")(?=[^}]*status="200")[^}]*\} [1-9]\d*$/,
        ),
      );
    });

    it('labels a route with parameters by its pattern, not by the raw path', async () => {
      const city = await api.city(operator);
      await api.http
        .get(`/v1/cities/${city.slug}/members`)
        .auth(operator.accessToken, { type: 'bearer' })
        .expect(200);

      const res = await api.http.get('/metrics').expect(200);
      expect(durationLines(res.text)).toContainEqual(
        expect.stringMatching(/route="\/v1\/cities\/:city\/members"/),
      );
      expect(res.text).not.toContain(city.slug);
    });
  });

  describe('OpenAPI document', () => {
    let document: OpenApiDocument;

    beforeAll(async () => {
      const res = await api.http.get('/docs-json').expect(200);
      document = res.body;
    });

    const operations = () =>
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => HTTP_METHODS.includes(method))
          .map(([method, operation]) => ({ path, method, operation })),
      );
    // Users' access tokens; the scraper's METRICS_TOKEN is another scheme.
    const bearerSchemes = () =>
      Object.entries(document.components?.securitySchemes ?? {})
        .filter(([, scheme]) => scheme.type === 'http' && scheme.scheme === 'bearer')
        .filter(([name]) => name !== METRICS_TOKEN_SCHEME)
        .map(([name]) => name);
    const declaresBearer = (operation: OpenApiOperation) =>
      (operation.security ?? []).some((requirement) =>
        Object.keys(requirement).some((name) => bearerSchemes().includes(name)),
      );

    it('is an OpenAPI 3 document listing every route of the contract', () => {
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(CONTRACT_PATHS));
    });

    it('declares bearer security on every operation but the public ones', () => {
      expect(bearerSchemes().length).toBeGreaterThan(0);
      const ops = operations();
      expect(ops.length).toBeGreaterThan(0);
      const undeclared = ops
        .filter((op) => !isPublic(op.path) && !declaresBearer(op.operation))
        .map((op) => `${op.method} ${op.path}`);
      const publicButBearer = ops
        .filter((op) => isPublic(op.path) && declaresBearer(op.operation))
        .map((op) => `${op.method} ${op.path}`);
      expect(undeclared).toEqual([]);
      expect(publicButBearer).toEqual([]);
    });

    it('documents every route the application actually serves', () => {
      const stack = (api.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } }).router
        .stack;
      const served = stack
        .filter((layer) => layer.route !== undefined)
        .flatMap(({ route }) =>
          [route!.path].flat().flatMap((path) =>
            Object.keys(route!.methods)
              .filter((method) => route!.methods[method] && HTTP_METHODS.includes(method))
              .map((method) => ({ method, path: path.replace(/:(\w+)/g, '{$1}') })),
          ),
        )
        // Not endpoints: the documentation UI's own routes, and the catch-all routes Nest mounts middleware on.
        .filter(({ path }) => !/^\/docs($|[-/])/.test(path) && path !== '{/*splat}');
      expect(served.map((r) => r.path)).toEqual(expect.arrayContaining(CONTRACT_PATHS));

      const undocumented = served.filter(({ method, path }) => document.paths[path]?.[method] === undefined);
      expect(undocumented).toEqual([]);
    });

    it('serves the documentation UI at /docs as HTML', async () => {
      const res = await api.http.get('/docs').redirects(1).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toMatch(/<html/i);
    });
  });

  describe('request ids', () => {
    it("echoes the caller's X-Request-Id", async () => {
      const res = await api.http.get('/health').set('X-Request-Id', 'test-req-123').expect(200);
      expect(res.headers['x-request-id']).toBe('test-req-123');
    });

    it('generates a distinct id when none is given', async () => {
      const first = await api.http.get('/health').expect(200);
      const second = await api.http.get('/health').expect(200);
      expect(first.headers['x-request-id']).toEqual(expect.stringMatching(/\S/));
      expect(second.headers['x-request-id']).toEqual(expect.stringMatching(/\S/));
      expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    });
  });

  describe('errors of the HTTP layer', () => {
    it('answers an unknown route with problem+json 404 ROUTE.NOT_FOUND', async () => {
      expectProblem(await api.http.get(`/v1/no-such-route-${uniqueSuffix()}`), 404, 'ROUTE.NOT_FOUND');
    });

    it('answers malformed JSON with problem+json 400, not 500', async () => {
      const res = await api.http
        .post('/v1/auth/login')
        .set('content-type', 'application/json')
        .send('{"email":');
      expectProblem(res, 400);
    });

    it('answers a JSON body over 1 MB with problem+json 413 REQUEST.TOO_LARGE', async () => {
      const body = { email: `big-${uniqueSuffix()}@test.local`, password: 'x'.repeat(1024 * 1024 + 1) };
      expectProblem(await api.http.post('/v1/auth/login').send(body), 413, 'REQUEST.TOO_LARGE');
    });
  });

  it('sends helmet security headers', async () => {
    const res = await api.http.get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toEqual(expect.stringContaining("default-src 'self'"));
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  describe('queue dashboard', () => {
    const basic = (email: string, password: string) =>
      `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

    it('asks anonymous callers to authenticate (401 with a Basic challenge)', async () => {
      const res = await api.http.get('/admin/queues');
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic /);
    });

    it('shows every queue to an operator, by access token or by e-mail and password', async () => {
      const byToken = await api.http
        .get('/admin/queues/api/queues')
        .auth(operator.accessToken, { type: 'bearer' })
        .expect(200);
      expect(byToken.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
        'comparisons',
        'exports',
        'imports',
        'maintenance',
        'notifications',
        'projections',
        'reminders',
      ]);
      const page = await api.http
        .get('/admin/queues')
        .set('Authorization', basic(operator.user.email, PASSWORD))
        .expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    });

    // Throttling of Basic auth and the oracle are in auth-throttle.e2e-spec.ts.
    it("refuses city members' tokens (403), and their right passwords like wrong ones (401)", async () => {
      const city = await api.city(operator);
      const coordinator = await api.member(operator, city, 'coordinator');
      expectProblem(
        await api.http.get('/admin/queues').auth(coordinator.accessToken, { type: 'bearer' }),
        403,
        'AUTH.OPERATOR_ONLY',
      );
      expectProblem(
        await api.http.get('/admin/queues').set('Authorization', basic(coordinator.user.email, PASSWORD)),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
      expectProblem(
        await api.http
          .get('/admin/queues')
          .set('Authorization', basic(operator.user.email, 'wrong-password')),
        401,
      );
    });
  });
});
