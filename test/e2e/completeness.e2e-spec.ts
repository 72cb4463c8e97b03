import { randomUUID } from 'node:crypto';
import { ApiHarness, cityClient, fixtures, Session, TestCity } from '../support';

describe('Completeness per period', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let official: Session;
  let collector: Session;
  let organisationId: string;
  let organisationName: string;
  let indicators: string[];

  const as = (session: Session) => cityClient(api, city, session);
  const newIndicator = async (): Promise<string> =>
    (
      await fixtures.indicator(as(coordinator), {
        code: `CP-${randomUUID().slice(0, 6)}`,
        name: 'Shelter places for people experiencing homelessness',
        right: 'housing',
        direction: 'higher_is_better',
        status: 'active',
      })
    ).id;
  const newPeriod = (code: string, deadline: string) => fixtures.period(as(coordinator), code, deadline);
  const assignBoth = async (periodId: string) => {
    for (const indicatorId of indicators)
      await as(coordinator).post('assignments').send({ indicatorId, organisationId, periodId }).expect(201);
  };
  const submitFirst = async (periodId: string) =>
    (
      await as(collector)
        .post('submissions')
        .send({ indicatorId: indicators[0], periodId, observations: [{ disaggregation: {}, value: 12 }] })
        .expect(201)
    ).body as { id: string; version: number; position: number };
  const completeness = async (periodId: string, minPosition: number) =>
    (await as(collector).get(`periods/${periodId}/completeness?minPosition=${minPosition}`).expect(200)).body;

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
    organisationName = `CSO ${randomUUID().slice(0, 6)}`;
    organisationId = await fixtures.organisation(as(coordinator), { name: organisationName });
    official = await api.member(operator, city, 'official');
    collector = await api.member(operator, city, 'collector', { organisationId });
    indicators = [await newIndicator(), await newIndicator()];
  });
  afterAll(() => api.close());

  it('counts assigned, submitted and validated indicators per organisation', async () => {
    const periodId = await newPeriod('2025', '2099-01-31');
    await assignBoth(periodId);
    const submission = await submitFirst(periodId);
    const validated = await as(official)
      .post(`submissions/${submission.id}/validate`)
      .set('If-Match', String(submission.version))
      .send()
      .expect(200);

    const view = await completeness(periodId, validated.body.position as number);
    expect(view).toEqual({
      period: { id: periodId, code: '2025', deadline: expect.any(String) },
      totals: { assigned: 2, submitted: 1, validated: 1, returned: 0, overdue: 0 },
      organisations: [
        {
          organisationId,
          name: organisationName,
          assigned: 2,
          submitted: 1,
          validated: 1,
          returned: 0,
          overdue: 0,
          // The collector has no mandate from the organisation: it works all the same, and it shows.
          mandate: { validHolders: 0, collectorsWithoutMandate: 1 },
        },
      ],
    });
  });

  it('shows what is assigned but unsubmitted after the deadline as overdue, and returned submissions', async () => {
    const periodId = await newPeriod('2020', '2021-01-31');
    await assignBoth(periodId);
    const submission = await submitFirst(periodId);
    const returned = await as(official)
      .post(`submissions/${submission.id}/return`)
      .send({ reason: 'Source missing' })
      .expect(200);

    const view = await completeness(periodId, returned.body.position as number);
    expect(view.totals).toEqual({ assigned: 2, submitted: 1, validated: 0, returned: 1, overdue: 1 });
    expect(view.organisations).toEqual([
      expect.objectContaining({ organisationId, overdue: 1, returned: 1 }),
    ]);
  });

  it('answers 404 for an unknown period', async () => {
    await as(collector).get(`periods/${randomUUID()}/completeness`).expect(404);
  });
});
