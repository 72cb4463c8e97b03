import fc from 'fast-check';
import { ApiHarness, Session, uniqueSuffix } from '../support/api-harness';
import { CITY_ROLES } from '@rl/kernel';
import { SeededCity, seedCity } from '../support/fuzz/fuzz-fixture';
import { FuzzReport } from '../support/fuzz/fuzz-report';
import {
  OpenApiDocument,
  Operation,
  operationsOf,
  requestArbitrary,
  resolverOf,
  send,
} from '../support/fuzz/openapi-requests';
import { Vocabulary } from '../support/fuzz/schema-arbitrary';

// Test-only knobs: `npm run fuzz` raises FUZZ_RUNS; FUZZ_SEED replays a run; FUZZ_VERBOSE=1 prints the statuses of each operation; FUZZ_ONLY=<regex> picks operations ("POST /v1/…");
// FUZZ_TRACE=1 prints every request and answer.
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const VERBOSE = process.env.FUZZ_VERBOSE === '1';
const ONLY = new RegExp(process.env.FUZZ_ONLY ?? '');
const TRACE = process.env.FUZZ_TRACE === '1';
// `forged`: the operator's claims in an unsigned token (alg none), which no secured operation may accept.
const ROLES = ['anonymous', 'forged', 'operator', ...CITY_ROLES] as const;
type Role = (typeof ROLES)[number];
// One seed per role and operation, independent of which others run (FUZZ_ONLY keeps a replay exact).
const seedOf = (role: string, operation: string) =>
  [...`${role} ${operation}`].reduce((hash, c) => Math.imul(hash ^ c.charCodeAt(0), 16_777_619), SEED) | 0;

// Every operation of the served OpenAPI document, as every role, with generated valid and hostile input:
// no 5xx, every error problem+json, and nothing of city B in any answer to city A's members or anyone.
describe('OpenAPI-driven fuzzing of every operation as every role', () => {
  let api: ApiHarness;
  let operator: Session;
  let a: SeededCity;
  let b: SeededCity;
  let marker: string;
  let discovered: Operation[];
  let operations: Operation[];
  let vocabulary: Vocabulary;
  const report = new FuzzReport();
  let failures = 0;

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    marker = `ZZB-SECRET-${uniqueSuffix()}`;
    a = await seedCity(api, operator, 'Alphaville', `fuzz-a-${uniqueSuffix()}`);
    b = await seedCity(api, operator, 'Bruges', marker);
    const document = (await api.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    discovered = operationsOf(document);
    operations = discovered.filter((o) => ONLY.test(`${o.method.toUpperCase()} ${o.path}`));
    const idsByKind: Record<string, string[]> = { user: [...b.sessionUserIds] };
    for (const [kind, id] of [...Object.entries(a.objects), ...Object.entries(b.objects)]) {
      idsByKind[kind] = [...(idsByKind[kind] ?? []), id];
    }
    vocabulary = {
      // The fuzzing sessions' own ids stay out, so that no case demotes or deactivates its caller.
      ids: Object.values(idsByKind).flat(),
      idsByKind,
      slugs: [...Array<string>(6).fill(a.city.slug), b.city.slug, b.city.slug, `nowhere-${uniqueSuffix()}`],
      positions: a.positions,
      resolve: resolverOf(document),
    };
  }, 120_000);

  afterAll(async () => {
    process.stdout.write(`\n${report.summary(SEED, RUNS, failures, VERBOSE)}\n`);
    await api?.close();
  });

  // A fresh login per role: an earlier case may have ended a session, and a long run outlives a token.
  const tokenOf = async (role: Role): Promise<string | undefined> => {
    if (role === 'anonymous') return undefined;
    const session = role === 'operator' || role === 'forged' ? operator : a.sessions[role];
    const { accessToken } = await api.login(session.user.email);
    if (role !== 'forged') return accessToken;
    const unsigned = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    return `${unsigned}.${accessToken.split('.')[1]}.`;
  };

  // The operator manages cities and their members: B's city id and member list are its to see.
  const secretsFor = (role: Role, url: string): string[] => {
    const secrets = [marker, ...Object.values(b.objects), ...b.sessionUserIds];
    if (role !== 'operator') return secrets;
    if (url.startsWith(`/v1/cities/${b.city.slug}/members`)) return [];
    return secrets.filter((s) => s !== b.objects.city);
  };

  it('discovers the operations from /docs-json', () => {
    expect(discovered.length).toBeGreaterThan(50);
    expect(discovered).toContainEqual(
      expect.objectContaining({ method: 'post', path: '/v1/cities/{city}/submissions' }),
    );
  });

  it("has an oracle that sees city B's data, 5xx, bare errors and one-time tokens", async () => {
    const own = await api.login(b.sessions.coordinator.user.email);
    const request = { method: 'get' as const, url: `/v1/cities/${b.city.slug}/organisations`, headers: {} };
    const res = await send(api.http, request, own.accessToken);
    const check = (answer: typeof res) => () =>
      new FuzzReport().check('b', 'GET', request, answer, {
        secrets: secretsFor('coordinator', ''),
        refuse: false,
      });
    expect(res.status).toBe(200);
    expect(check(res)).toThrow(/city B's/);
    expect(check({ ...res, status: 500 })).toThrow(/5xx/);
    expect(check({ status: 404, contentType: 'text/html', text: 'Not found' })).toThrow(/problem\+json/);
    const token = { status: 201, contentType: 'application/json', text: '{"invitationToken": "abc"}' };
    expect(check(token)).toThrow(/one-time token/);
  });

  it.each(ROLES)(
    'as %s: no 5xx, problem+json errors, nothing of another city',
    async (role) => {
      const token = await tokenOf(role);
      const problems: string[] = [];
      for (const operation of operations) {
        const name = `${operation.method.toUpperCase()} ${operation.path}`;
        const property = fc.asyncProperty(requestArbitrary(operation, vocabulary), async (request) => {
          const res = await send(api.http, request, token);
          if (TRACE) {
            const sent = `${request.method} ${request.url} ${request.body?.raw.slice(0, 300) ?? ''}`;
            process.stdout.write(`${role} ${sent} → ${res.status} ${res.text.slice(0, 300)}\n`);
          }
          report.check(role, name, request, res, {
            secrets: secretsFor(role, request.url),
            // A user's access token (`bearer`); /metrics' own token is open while METRICS_TOKEN is unset.
            refuse: role === 'forged' && (operation.spec.security ?? []).some((s) => 'bearer' in s),
          });
        });
        try {
          await fc.assert(property, { numRuns: RUNS, seed: seedOf(role, name), endOnFailure: true });
        } catch (error) {
          failures += 1;
          const { message, cause } = error as Error;
          const why = cause instanceof Error ? `${cause.message}\n` : '';
          problems.push(`${role} ${name} (FUZZ_SEED=${SEED}): ${why}${message}`.slice(0, 3_000));
        }
      }
      expect(problems).toEqual([]);
    },
    Math.max(180_000, RUNS * 60_000),
  );
});
