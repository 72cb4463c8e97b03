import { randomUUID } from 'node:crypto';
import { ApiHarness, cityClient, expectProblem, fixtures, Session, TestCity } from '../support';

interface Written {
  id?: string;
  status?: string;
  version: number;
  position: number;
}

describe('Submissions: submit, return, correct, validate, and the series', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let official: Session;
  let collector: Session;
  let organisationId: string;
  let indicatorId: string;

  const as = (session: Session) => cityClient(api, city, session);
  const newOrganisation = () => fixtures.organisation(as(coordinator));
  const newPeriod = (code: string, deadline?: string) => fixtures.period(as(coordinator), code, deadline);
  const assign = (periodId: string, organisation = organisationId, indicator = indicatorId) =>
    as(coordinator)
      .post('assignments')
      .send({ indicatorId: indicator, organisationId: organisation, periodId })
      .expect(201);
  const submit = (session: Session, body: Record<string, unknown>) =>
    as(session).post('submissions').send(body);

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
    organisationId = await newOrganisation();
    official = await api.member(operator, city, 'official');
    collector = await api.member(operator, city, 'collector', { organisationId });
    ({ id: indicatorId } = await fixtures.indicator(as(coordinator), {
      disaggregations: [
        { dimension: 'sex', values: ['F', 'M'] },
        { dimension: 'district', values: [] },
      ],
      status: 'active',
    }));
  });
  afterAll(() => api.close());

  it('goes submitted → returned → corrected → validated, and the series and history show it', async () => {
    const periodId = await newPeriod('2024');
    await assign(periodId);

    const created = await submit(collector, {
      indicatorId,
      periodId,
      observations: [
        { disaggregation: {}, value: 40 },
        { disaggregation: { sex: 'F' }, value: 25, status: 'provisional' },
        { disaggregation: { sex: 'M', district: 'Sluizeken' }, value: 15 },
      ],
      source: 'Registry of the equality office',
    }).expect(201);
    const submission = created.body as Written;
    expect(submission).toEqual({
      id: expect.any(String),
      status: 'submitted',
      version: 1,
      position: expect.any(Number),
    });

    const duplicate = await submit(collector, {
      indicatorId,
      periodId,
      observations: [{ disaggregation: {}, value: 41 }],
    });
    expect(expectProblem(duplicate, 409, 'SUBMISSION.ALREADY_OPEN')).toEqual(
      expect.objectContaining({ openSubmissionId: submission.id }),
    );

    const returned = await as(official)
      .post(`submissions/${submission.id}/return`)
      .send({ reason: 'The total does not match the sum by sex' })
      .expect(200);
    expect(returned.body).toEqual({ status: 'returned', version: 2, position: expect.any(Number) });
    expectProblem(
      await as(official).post(`submissions/${submission.id}/validate`).set('If-Match', '2').send(),
      409,
      'SUBMISSION.INVALID_TRANSITION',
    );

    const corrected = await as(collector)
      .post(`submissions/${submission.id}/corrections`)
      .send({
        reason: 'Recounted',
        observations: [
          { disaggregation: {}, value: 42 },
          { disaggregation: { sex: 'F' }, value: 27 },
          { disaggregation: { sex: 'M' }, value: 15 },
        ],
      })
      .expect(200);
    expect(corrected.body).toEqual({ status: 'submitted', version: 3, position: expect.any(Number) });

    expectProblem(
      await as(official).post(`submissions/${submission.id}/validate`).set('If-Match', '2').send(),
      409,
    );
    const validated = await as(official)
      .post(`submissions/${submission.id}/validate`)
      .set('If-Match', '3')
      .send()
      .expect(200);
    expect(validated.body).toEqual({ status: 'validated', version: 4, position: expect.any(Number) });
    const position = validated.body.position as number;
    expectProblem(
      await as(collector)
        .post(`submissions/${submission.id}/corrections`)
        .send({ reason: 'late fix', observations: [{ disaggregation: {}, value: 1 }] }),
      409,
      'SUBMISSION.INVALID_TRANSITION',
    );

    const read = await as(collector).get(`submissions/${submission.id}?minPosition=${position}`).expect(200);
    expect(read.body).toEqual(
      expect.objectContaining({
        status: 'validated',
        version: 4,
        late: false,
        organisationId,
        definitionVersion: expect.any(Number),
        series: 1,
      }),
    );
    expect(read.body.observations).toHaveLength(3);
    const list = await as(coordinator)
      .get(`submissions?indicatorId=${indicatorId}&status=validated&minPosition=${position}`)
      .expect(200);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([submission.id]);

    const total = await as(collector)
      .get(`indicators/${indicatorId}/series?status=validated&minPosition=${position}`)
      .expect(200);
    expect(total.body).toEqual([
      expect.objectContaining({
        period: '2024',
        value: 42,
        status: 'validated',
        observationStatus: 'normal',
        late: false,
        series: 1,
      }),
    ]);
    const women = await as(collector)
      .get(`indicators/${indicatorId}/series?disaggregation=sex:F&minPosition=${position}`)
      .expect(200);
    expect(women.body.map((p: { value: number }) => p.value)).toEqual([27]);
    // The superseded (sex:M, district) key is gone.
    const gone = await as(collector)
      .get(`indicators/${indicatorId}/series?disaggregation=district:Sluizeken,sex:M&minPosition=${position}`)
      .expect(200);
    expect(gone.body).toEqual([]);

    const history = await as(coordinator).get(`audit/streams/submission-${submission.id}`).expect(200);
    expect(
      history.body.events.map((e: { type: string; metadata: { actorId: string } }) => [
        e.type,
        e.metadata.actorId,
      ]),
    ).toEqual([
      ['SubmissionSubmitted', collector.user.id],
      ['SubmissionReturned', official.user.id],
      ['SubmissionCorrected', collector.user.id],
      ['SubmissionValidated', official.user.id],
    ]);
    expect(history.body.events[1].data.reason).toBe('The total does not match the sum by sex');
    expect(history.body.events[0].data.observations[0].value).toBe(40);

    // Validation frees the slot: a new submission for the same period may be opened.
    await submit(collector, {
      indicatorId,
      periodId,
      observations: [{ disaggregation: {}, value: 43 }],
    }).expect(201);
  });

  it('refuses a collector of another organisation (403) and one without an assignment', async () => {
    const periodId = await newPeriod('2023');
    await assign(periodId);
    const other = await api.member(operator, city, 'collector', { organisationId: await newOrganisation() });
    const body = { indicatorId, periodId, observations: [{ disaggregation: {}, value: 3 }] };
    expectProblem(await submit(other, body), 403, 'SUBMISSION.NOT_ASSIGNED');
    expectProblem(await submit(other, { ...body, organisationId }), 403, 'SUBMISSION.NOT_ASSIGNED');
    const unassigned = await newPeriod('2022');
    expectProblem(await submit(collector, { ...body, periodId: unassigned }), 403, 'SUBMISSION.NOT_ASSIGNED');
    // An official may submit for any organisation of the city.
    await submit(official, { ...body, periodId: unassigned, organisationId }).expect(201);
    expectProblem(await as(coordinator).post('submissions').send(body), 403);
  });

  it('refuses invalid observations with 4xx naming the field, and records nothing', async () => {
    const periodId = await newPeriod('2021');
    await assign(periodId);
    const base = { indicatorId, periodId };
    const cases: [unknown[], number, string][] = [
      [[{ disaggregation: { age: '18-24' }, value: 1 }], 422, 'observations.0.disaggregation.age'],
      [[{ disaggregation: {}, value: 'abc' }], 400, 'observations.0.value'],
      [
        [
          { disaggregation: {}, value: 1 },
          { disaggregation: {}, value: 'NaN' },
        ],
        400,
        'observations.1.value',
      ],
      [[{ disaggregation: { sex: 'X' }, value: 1 }], 422, 'observations.0.disaggregation.sex'],
      [[{ disaggregation: {}, value: 1.5 }], 422, 'observations.0.value'],
      [[{ disaggregation: {}, value: 1, status: 'guessed' }], 400, 'observations.0.status'],
      [
        Array.from({ length: 10_001 }, (_, i) => ({ disaggregation: { district: `d${i}` }, value: 1 })),
        400,
        'observations',
      ],
    ];
    for (const [observations, status, field] of cases) {
      const res = await submit(collector, { ...base, observations });
      const problem = expectProblem(res, status);
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    // Nothing was recorded: the slot is still free.
    await submit(collector, { ...base, observations: [{ disaggregation: {}, value: 1 }] }).expect(201);
  });

  it('accepts and marks late submissions, and flags outliers without rejecting them', async () => {
    const periodId = await newPeriod('2020', '2021-01-31');
    await assign(periodId);
    const late = await submit(collector, {
      indicatorId,
      periodId,
      observations: [{ disaggregation: {}, value: 500 }],
    }).expect(201);
    const read = await as(collector)
      .get(`submissions/${late.body.id}?minPosition=${late.body.position}`)
      .expect(200);
    expect(read.body.late).toBe(true);
    // 2024's validated total is 42 and 2020 is in the same series: 500 is far off.
    expect(read.body.observations[0].outlier).toEqual({ reason: expect.stringMatching(/factor of 3/) });
    const series = await as(collector)
      .get(`indicators/${indicatorId}/series?minPosition=${late.body.position}`)
      .expect(200);
    expect(series.body.find((p: { period: string }) => p.period === '2020')).toEqual(
      expect.objectContaining({ value: 500, status: 'submitted', late: true }),
    );
  });

  it('refuses data for an indicator that is not active', async () => {
    const draft = await fixtures.indicator(as(coordinator), {
      code: `DR-${randomUUID().slice(0, 6)}`,
      name: 'Draft indicator',
      right: 'housing',
      type: 'outcome',
      unit: 'percent',
    });
    const periodId = await newPeriod('2019');
    await assign(periodId, organisationId, draft.id);
    expectProblem(
      await submit(collector, {
        indicatorId: draft.id,
        periodId,
        observations: [{ disaggregation: {}, value: 1 }],
      }),
      422,
      'SUBMISSION.INDICATOR_NOT_ACTIVE',
    );
  });
});
