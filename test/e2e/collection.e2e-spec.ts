import {
  ApiHarness,
  AssignedWork,
  cityWithPeople,
  CityWithPeople,
  eventually,
  expectProblem,
  fixtures,
  Session,
} from '../support';
import { FakeKobo } from '../support/fake-kobo';
import { binary, xlsFormSheets } from '../support/xlsx-sheets';
import { FakeOdkCentral } from '../support/fake-odk-central';

interface Run {
  id: string;
  trigger: string;
  status: string;
  created: number;
  corrected: number;
  ignored: number;
  rejected: number;
  rejections: { logicalId: string; reason: string }[];
  error: string | null;
}

const ODK_FORM = '7/shelter_counts';
const KOBO_ASSET = 'aX7kP2mQ9rT4vW6yZ8bC';
const COUNTS = {
  status: 'active',
  unit: 'count',
  disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
};

// Pulls from ODK Central and KoboToolbox (local fakes of their published APIs) and Kobo pushes, as a
// coordinator connects them: each external submission becomes a submission or a correction once.
describe('Collection connections: ODK Central and KoboToolbox pulls and pushes', () => {
  let api: ApiHarness;
  let ghent: CityWithPeople;
  let paduaCoordinator: Session;
  let paduaSlug: string;
  let odk: FakeOdkCentral;
  let kobo: FakeKobo;
  let odkWork: AssignedWork;
  let koboWork: AssignedWork;

  const coordinator = () => ghent.as(ghent.coordinator);
  const connect = (body: Record<string, unknown>, session = ghent.coordinator) =>
    ghent.as(session).post('collection-connections').send(body);
  const odkConnection = (assignmentId: string) => ({
    kind: 'odk-central',
    serverUrl: odk.url,
    formId: ODK_FORM,
    credentials: { ...odk.account },
    assignmentId,
  });
  const runOf = async (connectionId: string, runId: string): Promise<Run> =>
    eventually(
      `run ${runId}`,
      async () => {
        const res = await coordinator().get(`collection-connections/${connectionId}/runs`).expect(200);
        const run = (res.body as Run[]).find((r) => r.id === runId);
        return run && ['done', 'failed'].includes(run.status) ? run : undefined;
      },
      60_000,
    );
  const pull = async (connectionId: string): Promise<Run> => {
    const res = await coordinator().post(`collection-connections/${connectionId}/pull`).expect(202);
    return runOf(connectionId, res.body.runId as string);
  };
  const submissionsOf = async (work: AssignedWork, count: number) =>
    eventually(`${count} submission(s)`, async () => {
      const res = await coordinator().get(`submissions?indicatorId=${work.indicatorId}`).expect(200);
      const list = res.body as {
        id: string;
        version: number;
        observations: { key: string; value: number }[];
      }[];
      return list.length === count && list.every((s) => s.version > 0) ? list : undefined;
    });

  beforeAll(async () => {
    let operator: Session;
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await cityWithPeople(api, operator, 'Ghent');
    const padua = await api.city(operator, 'Padua');
    paduaCoordinator = await api.member(operator, padua, 'coordinator');
    paduaSlug = padua.slug;
    [odk, kobo] = await Promise.all([FakeOdkCentral.start(), FakeKobo.start()]);
    const { organisationId } = ghent;
    odkWork = await fixtures.assignedWork(coordinator(), {
      organisationId,
      periodCode: '2026-Q1',
      indicator: COUNTS,
    });
    koboWork = await fixtures.assignedWork(coordinator(), {
      organisationId,
      periodCode: '2026-Q2',
      indicator: COUNTS,
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.close(), odk?.close(), kobo?.close()]);
  });

  it('ODK: a pull creates the submission, an edit becomes a correction, a repeated pull changes nothing', async () => {
    const res = await connect(odkConnection(odkWork.assignmentId)).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const id = res.body.id as string;
    const logicalId = odk.submit(ODK_FORM, {
      start: '2026-01-05T08:00:00Z',
      cells: { total: 10, sex_F: 6, sex_M: 4 },
    });

    expect(await pull(id)).toMatchObject({
      trigger: 'pull',
      status: 'done',
      created: 1,
      corrected: 0,
      rejected: 0,
    });
    const [created] = await submissionsOf(odkWork, 1);
    expect(created.observations.map((o) => [o.key, o.value]).sort()).toEqual([
      ['', 10],
      ['sex:F', 6],
      ['sex:M', 4],
    ]);

    odk.edit(ODK_FORM, logicalId, { cells: { total: 11, sex_F: 7, sex_M: 4 } });
    expect(await pull(id)).toMatchObject({ status: 'done', created: 0, corrected: 1, rejected: 0 });
    const [corrected] = await eventually('the correction', async () => {
      const list = await submissionsOf(odkWork, 1);
      return list[0].version === 2 ? list : undefined;
    });
    expect(corrected.id).toBe(created.id);
    expect(corrected.observations.find((o) => o.key === '')?.value).toBe(11);

    expect(await pull(id)).toMatchObject({
      status: 'done',
      created: 0,
      corrected: 0,
      ignored: 1,
      rejected: 0,
    });
    expect(await submissionsOf(odkWork, 1)).toEqual([
      expect.objectContaining({ id: created.id, version: 2 }),
    ]);
  }, 120_000);

  it("maps back every answer to the assignment's generated XLSForm, as ODK Collect sends it", async () => {
    const work = await fixtures.assignedWork(coordinator(), {
      organisationId: ghent.organisationId,
      periodCode: '2026-Q4',
      indicator: {
        ...COUNTS,
        disaggregations: [...COUNTS.disaggregations, { dimension: 'âge', values: ['0-17', '65+'] }],
      },
    });
    const form = await eventually('the form', async () => {
      const res = await coordinator()
        .get(`assignments/${work.assignmentId}/form.xlsx`)
        .buffer(true)
        .parse(binary);
      return res.status === 200 ? (res.body as Buffer) : undefined;
    });
    // Every cell question answered 1, 2, 3…; the calculations carry their constants, quotes removed.
    const answers: Record<string, unknown> = {};
    const cells: string[] = [];
    for (const row of xlsFormSheets(form).survey.rows) {
      if (row.type === 'calculate') answers[row.name] = row.calculation.replace(/^'|'$/g, '');
      if (row.type === 'integer' || row.type === 'decimal') {
        cells.push(row.name);
        answers[row.name] = cells.length;
      }
    }
    expect(cells).toEqual(['total', 'sex_F', 'sex_M', 'age_0_17', 'age_65']);
    const formId = '7/shelter_counts_xlsform';
    odk.submit(formId, { cells: answers });
    const id = (await connect({ ...odkConnection(work.assignmentId), formId }).expect(201)).body.id as string;
    expect(await pull(id)).toMatchObject({ status: 'done', created: 1, rejected: 0 });
    const [created] = await submissionsOf(work, 1);
    expect(created.observations.map((o) => [o.key, o.value])).toEqual(
      expect.arrayContaining([
        ['', 1],
        ['sex:F', 2],
        ['sex:M', 3],
        ['âge:0-17', 4],
        ['âge:65+', 5],
      ]),
    );
    expect(created.observations).toHaveLength(5);
  }, 120_000);

  it('rejects answers that are no number or fail the checks, naming the question, once', async () => {
    const work = await fixtures.assignedWork(coordinator(), {
      organisationId: ghent.organisationId,
      periodCode: '2026-Q3',
      indicator: COUNTS,
    });
    const form = '7/shelter_counts_b';
    const words = odk.submit(form, { cells: { total: 'twelve' } });
    const negative = odk.submit(form, { cells: { total: -3 } });
    const body = { ...odkConnection(work.assignmentId), formId: form };
    const id = (await connect(body).expect(201)).body.id as string;
    const run = await pull(id);
    expect(run).toMatchObject({ status: 'done', created: 0, rejected: 2 });
    expect(run.rejections).toEqual(
      expect.arrayContaining([
        {
          logicalId: words.replace('uuid:', ''),
          reason: expect.stringContaining('total: "twelve" is not a number'),
        },
        {
          logicalId: negative.replace('uuid:', ''),
          reason: expect.stringMatching(/total must be a non-negative whole number/),
        },
      ]),
    );
    expect(await pull(id)).toMatchObject({ status: 'done', created: 0, rejected: 0 });
  }, 120_000);

  it('Kobo: a push then the same submission by pull is one submission; unknown push URLs are 404', async () => {
    const res = await connect({
      kind: 'kobo',
      serverUrl: kobo.url,
      formId: KOBO_ASSET,
      credentials: { token: kobo.token },
      assignmentId: koboWork.assignmentId,
    }).expect(201);
    const { id, pushUrl } = res.body as { id: string; pushUrl: string };
    const pushPath = new URL(pushUrl).pathname;
    expect(pushPath).toMatch(/^\/v1\/collection-push\/[A-Za-z0-9_-]{64}$/);
    const record = kobo.submit(KOBO_ASSET, { 'cells/total': '5', 'cells/sex_F': '3', 'cells/sex_M': '2' });

    const pushed = await api.http.post(pushPath).send(record).expect(202);
    const pushRun = await runOf(id, pushed.body.runId as string);
    expect(pushRun).toMatchObject({ trigger: 'push', status: 'done', created: 1 });
    expect(await pull(id)).toMatchObject({
      trigger: 'pull',
      status: 'done',
      created: 0,
      corrected: 0,
      ignored: 1,
    });
    expect(await submissionsOf(koboWork, 1)).toHaveLength(1);

    const edited = kobo.edit(KOBO_ASSET, record._id as number, { 'cells/total': '6', 'cells/sex_F': '4' });
    const again = await api.http.post(pushPath).send(edited).expect(202);
    expect(await runOf(id, again.body.runId as string)).toMatchObject({ corrected: 1 });

    // Nesting no body of the API has, small enough for the body limit: a clear 400, never a 500.
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const nested = await api.http.post(pushPath).set('Content-Type', 'application/json').send(deep);
    expect(expectProblem(nested, 400, 'REQUEST.INVALID').errors).toEqual([
      { field: 'body', message: 'must not be nested more than 64 levels deep' },
    ]);

    const forged = `${pushPath.slice(0, -4)}AAAA`;
    expectProblem(await api.http.post(forged).send(record), 404, 'COLLECTION.UNKNOWN_PUSH_URL');
    expectProblem(await api.http.post('/v1/collection-push/not-a-token').send(record), 404);

    // A push URL that leaked is dead once the connection is disconnected.
    await coordinator().delete(`collection-connections/${id}`).expect(200);
    expectProblem(await api.http.post(pushPath).send(edited), 404, 'COLLECTION.UNKNOWN_PUSH_URL');
  }, 120_000);

  it('never shows credentials: not in answers, runs or the audit log', async () => {
    const res = await connect(odkConnection(odkWork.assignmentId)).expect(201);
    const id = res.body.id as string;
    await pull(id);
    const one = await eventually('the connection', async () => {
      const r = await coordinator().get(`collection-connections/${id}`);
      return r.status === 200 ? r : undefined;
    });
    const answers = [
      JSON.stringify(res.body),
      JSON.stringify(one.body),
      JSON.stringify((await coordinator().get('collection-connections?limit=1000').expect(200)).body),
      JSON.stringify((await coordinator().get(`collection-connections/${id}/runs`).expect(200)).body),
      JSON.stringify(await api.auditLog(ghent.coordinator, ghent.city)),
    ].join('\n');
    expect(one.body).toMatchObject({ kind: 'odk-central', formId: ODK_FORM, status: 'active' });
    expect(answers).not.toContain(odk.account.password);
    expect(answers).not.toContain(kobo.token);
    expect(answers).not.toMatch(/"credentials"|"password"/);
  }, 120_000);

  it("refuses a collector (403) and another city's coordinator (404), and bad input naming the field", async () => {
    expectProblem(await connect(odkConnection(odkWork.assignmentId), ghent.collector), 403);
    const id = (await connect(odkConnection(odkWork.assignmentId)).expect(201)).body.id as string;
    const padua = (path: string) =>
      api.http.post(`/v1/cities/${paduaSlug}/${path}`).auth(paduaCoordinator.accessToken, { type: 'bearer' });
    expect((await padua(`collection-connections/${id}/pull`)).status).toBe(404);
    const problem = expectProblem(
      await connect({ ...odkConnection(odkWork.assignmentId), formId: 'shelter' }),
      422,
    );
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'formId' })]);
    const kobo = expectProblem(await connect({ ...odkConnection(odkWork.assignmentId), kind: 'kobo' }), 422);
    expect(kobo.errors).toEqual([expect.objectContaining({ field: 'credentials' })]);
    const stranger = expectProblem(
      await connect({
        ...odkConnection(odkWork.assignmentId),
        assignmentId: '0192f0aa-0000-7000-8000-0000000000ff',
      }),
      422,
      'COLLECTION.UNKNOWN_TARGET',
    );
    expect(stranger.errors).toEqual([expect.objectContaining({ field: 'assignmentId' })]);
  }, 120_000);

  it('stops pulls when disconnected', async () => {
    const id = (await connect(odkConnection(odkWork.assignmentId)).expect(201)).body.id as string;
    await coordinator().delete(`collection-connections/${id}`).expect(200);
    expectProblem(
      await coordinator().post(`collection-connections/${id}/pull`),
      409,
      'COLLECTION.DISCONNECTED',
    );
  }, 60_000);
});

// Production's rule: outbound calls never reach private addresses, so a connection to 127.0.0.1 is
// refused by the guarded client at connect time and the run fails saying so.
describe('Collection pulls and the outbound guard', () => {
  let api: ApiHarness;
  let odk: FakeOdkCentral;
  let ghent: CityWithPeople;
  let work: AssignedWork;

  beforeAll(async () => {
    let operator: Session;
    ({ api, operator } = await ApiHarness.startWithOperator({ WEBHOOK_ALLOW_PRIVATE: 'false' }));
    odk = await FakeOdkCentral.start();
    ghent = await cityWithPeople(api, operator, 'Ghent');
    const { organisationId } = ghent;
    work = await fixtures.assignedWork(ghent.as(ghent.coordinator), {
      organisationId,
      periodCode: '2026-Q1',
      indicator: COUNTS,
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.close(), odk?.close()]);
  });

  it('refuses http, and a pull from 127.0.0.1 before anything is sent', async () => {
    const coordinator = ghent.as(ghent.coordinator);
    const connection = {
      kind: 'odk-central',
      formId: ODK_FORM,
      credentials: odk.account,
      assignmentId: work.assignmentId,
    };
    const http = expectProblem(
      await coordinator.post('collection-connections').send({ ...connection, serverUrl: odk.url }),
      422,
    );
    expect(http.errors).toEqual([{ field: 'serverUrl', message: 'must be an https URL' }]);
    const loopback = odk.url.replace('http:', 'https:');
    const res = await coordinator
      .post('collection-connections')
      .send({ ...connection, serverUrl: loopback })
      .expect(201);
    const id = res.body.id as string;
    const queued = await coordinator.post(`collection-connections/${id}/pull`).expect(202);
    const run = await eventually('the refused run', async () => {
      const runs = (await coordinator.get(`collection-connections/${id}/runs`).expect(200)).body as Run[];
      return runs.find((r) => r.id === queued.body.runId && r.status === 'failed');
    });
    expect(run.error).toMatch(/could not be reached \(blocked_address\)/);
    expect(odk.requests).toEqual([]);
  }, 60_000);
});
