import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { ApiHarness, expectProblem, Session, TestCity } from '../support/api-harness';
import { importOutcome } from '../support/imports';
import { deflatedFill, workbookAround, ZipEntry } from '../support/zip-writer';

const MIB = 1024 * 1024;

// Attack 4 of issue 10: an XLSX whose entries inflate to GiBs. Refused from the central directory (or,
// when its headers lie, by the byte count while inflating) within seconds, with the process's memory
// barely moving and /health answering throughout. The API and the worker run in this process.
describe('Imports: XLSX zip bombs', () => {
  let api: ApiHarness;
  let city: TestCity;
  let official: Session;
  let organisationId: string;
  let indicatorId: string;

  beforeAll(async () => {
    let operator: Session;
    let coordinator: Session;
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
    const as = (session: Session, path: string) =>
      api.http.post(`/v1/cities/${city.slug}/${path}`).auth(session.accessToken, { type: 'bearer' });
    organisationId = (
      await as(coordinator, 'organisations')
        .send({ name: 'Statistics office', kind: 'local_authority' })
        .expect(201)
    ).body.id as string;
    official = await api.member(operator, city, 'official');
    indicatorId = (
      await as(coordinator, 'indicators')
        .send({
          code: 'BOMB-1',
          name: 'Counted',
          right: 'participation',
          type: 'outcome',
          unit: 'count',
          direction: 'neutral',
          disaggregations: [],
          status: 'active',
        })
        .expect(201)
    ).body.id as string;
  });
  afterAll(() => api.close());

  const upload = (file: Buffer) =>
    api.http
      .post(`/v1/cities/${city.slug}/imports`)
      .auth(official.accessToken, { type: 'bearer' })
      .field('indicatorId', indicatorId)
      .field('organisationId', organisationId)
      .attach('file', file, 'data.xlsx');

  // Runs `work` while sampling this process's RSS and probing /health.
  async function watched<T>(work: () => Promise<T>) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const health: { status: number; ms: number }[] = [];
    let running = true;
    const probe = (async () => {
      while (running) {
        const started = Date.now();
        const res = await api.http.get('/health');
        health.push({ status: res.status, ms: Date.now() - started });
        await sleep(20);
      }
    })();
    const started = Date.now();
    const result = await work();
    const seconds = (Date.now() - started) / 1000;
    running = false;
    await probe;
    clearInterval(sampler);
    const rssDeltaMb = (Math.max(peak, process.memoryUsage().rss) - before) / MIB;
    process.stdout.write(
      `zip bomb: ${seconds.toFixed(2)} s, RSS +${rssDeltaMb.toFixed(1)} MB, /health max ${Math.max(...health.map((h) => h.ms))} ms\n`,
    );
    expect(seconds).toBeLessThan(5);
    expect(rssDeltaMb).toBeLessThan(100);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((h) => h.status === 200)).toBe(true);
    return result;
  }

  it('refuses entries that declare 2 GiB in all (honestly: deflated zeros) from the central directory', async () => {
    const quarterGib = await deflatedFill(256 * MIB);
    const sheets: ZipEntry[] = Array.from({ length: 8 }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: quarterGib,
      method: 8,
      declaredSize: 256 * MIB,
    }));
    const bomb = workbookAround(sheets[0], sheets.slice(1));
    expect(bomb.length).toBeLessThan(4 * MIB);
    const res = await watched(() => upload(bomb));
    const problem = expectProblem(res, 422, 'IMPORT.ARCHIVE_TOO_LARGE');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'file' })]);
  });

  it('refuses an entry that declares 4 GiB before reading its data', async () => {
    const entry: ZipEntry = {
      name: 'xl/worksheets/sheet1.xml',
      data: await deflatedFill(MIB),
      method: 8,
      declaredSize: 0xffffffff,
    };
    const res = await watched(() => upload(workbookAround(entry)));
    expectProblem(res, 422, 'IMPORT.ARCHIVE_TOO_LARGE');
  });

  // Headers that lie: the sheet says 2,000 bytes and inflates to 128 MiB of well-formed XML.
  const liar = async (): Promise<ZipEntry> => ({
    name: 'xl/worksheets/sheet1.xml',
    data: await deflatedFill(128 * MIB, 0x20, '<worksheet><sheetData>'),
    method: 8,
    declaredSize: 2_000,
  });

  it('stops inflating a sheet whose header understates its size (during the request)', async () => {
    const file = workbookAround(await liar());
    const res = await watched(() => upload(file));
    expectProblem(res, 422, 'IMPORT.ARCHIVE_TOO_LARGE');
  });

  it('stops inflating it in the worker too, and records the import as rejected', async () => {
    // Incompressible padding makes the file larger than what is imported during the request.
    const padding = randomBytes(300 * 1024);
    const file = workbookAround(await liar(), [
      { name: 'docProps/padding.bin', data: padding, method: 0, declaredSize: padding.length },
    ]);
    const state = await watched(async () => {
      const res: request.Response = await upload(file).expect(202);
      return importOutcome(api, official, city.slug, res);
    });
    expect(state.status).toBe('rejected');
    expect(state.error).toEqual(
      expect.objectContaining({
        code: 'IMPORT.ARCHIVE_TOO_LARGE',
        errors: [expect.objectContaining({ field: 'file' })],
      }),
    );
    expect(state.report).toBeNull();
  });
});
