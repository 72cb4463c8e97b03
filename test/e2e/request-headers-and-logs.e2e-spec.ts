import { DataSource } from 'typeorm';
import { ApiHarness, expectProblem, Session, TestCity } from '../support/api-harness';

// Free text from a client reaches the immutable event metadata and the logs only when checked, and no
// log line carries a query string's values (calendar tokens and whatever else a client puts there).
describe('Request headers and logs', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  // pino writes JSON lines to process.stdout: captured here (and kept out of the test output).
  const output: string[] = [];
  const capture = () =>
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });

  beforeAll(async () => {
    capture();
    ({ api, operator } = await ApiHarness.startWithOperator({ LOG_LEVEL: 'info' }));
    // Nest buffers its own log lines until listen(), which supertest never calls: release them as it would.
    api.app.flushLogs();
    city = await api.city(operator, 'Ghent');
    coordinator = await api.member(operator, city, 'coordinator');
  });
  afterAll(async () => {
    await api.close();
    jest.restoreAllMocks();
  });

  const url = (suffix: string) => `/v1/cities/${city.slug}/${suffix}`;
  const register = (headers: Record<string, string>) =>
    api.http
      .post(url('organisations'))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .set(headers)
      .send({ name: 'Wijkcentrum', kind: 'cso' });
  const log = () => api.auditLog(coordinator, city);
  const logged = async () => {
    await new Promise((resolve) => setTimeout(resolve, 100)); // the last line is written after the response
    return output.join('');
  };

  it.each([
    ['too long', 'x'.repeat(129)],
    ['a space', 'abc def'],
    ['markup', '<script>alert(1)</script>'],
    ['a forged JSON fragment', 'a","actorId":"someone-else'],
  ])('refuses an X-Correlation-ID with %s: 400 naming the header, nothing appended', async (_, value) => {
    const before = await log();
    const res = await register({ 'X-Correlation-ID': value });
    const problem = expectProblem(res, 400, 'REQUEST.INVALID_CORRELATION_ID');
    expect(problem.errors.map((e) => e.field)).toEqual(['X-Correlation-ID']);
    expect(await log()).toEqual(before);
  });

  it('records a well-formed X-Correlation-ID in the event metadata', async () => {
    const correlationId = `batch-2026:ghent.import_7`;
    const created = await register({ 'X-Correlation-ID': correlationId }).expect(201);
    const event = (await log()).find((e) => e.position === created.body.position);
    expect(event?.metadata.correlationId).toBe(correlationId);
  });

  it('replaces a malformed X-Request-Id with a generated one rather than logging it', async () => {
    const res = await api.http.get('/health').set('X-Request-Id', 'bad id\twith tab');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await api.http.get('/health').set('X-Request-Id', 'client-req.42');
    expect(kept.headers['x-request-id']).toBe('client-req.42');
  });

  it('logs 4xx requests with the query names but never their values', async () => {
    await api.http.get(url('calendar.ics?token=SECRET-CALENDAR-TOKEN'));
    await api.http.get('/v1/nowhere?password=SECRET-PASSWORD&page=2').expect(404);
    await api.http
      .post(url('organisations?api_key=SECRET-API-KEY'))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ name: '', kind: 'club' })
      .expect(400);
    const text = await logged();
    expect(text).toContain('/v1/nowhere?password=[Redacted]&page=[Redacted]');
    expect(text).toContain('organisations?api_key=[Redacted]');
    expect(text).toContain('calendar.ics?token=[Redacted]');
    expect(text).not.toMatch(/SECRET-/);
  });

  // Last: it takes the API's database away to provoke an unexpected error.
  it('logs a 500 with its error id, and still no query value', async () => {
    await api.app.get(DataSource).destroy();
    const res = await api.http
      .get(url('organisations?token=SECRET-ON-500'))
      .auth(coordinator.accessToken, { type: 'bearer' });
    const problem = expectProblem(res, 500, 'INTERNAL.UNEXPECTED') as { errorId?: string };
    const text = await logged();
    const line = text.split('\n').find((l) => l.includes(problem.errorId as string));
    expect(line).toBeDefined();
    expect(line).toContain('organisations?token=[Redacted]');
    expect(text).not.toMatch(/SECRET-/);
  });
});
