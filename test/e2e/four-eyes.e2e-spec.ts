import { randomUUID } from 'node:crypto';
import { ApiHarness, cityClient, expectProblem, fixtures, Session, TestCity } from '../support';

interface Written {
  id: string;
  version: number;
  position: number;
}

// Four eyes: whoever submitted or last corrected a submission cannot validate it. A city setting, on by
// default, changed only by a coordinator, and every change is an event in the audit log.
describe('Four eyes on submissions', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let official: Session;
  let otherOfficial: Session;
  let collector: Session;
  let organisationId: string;
  let indicatorId: string;
  let year = 2000;

  const as = (session: Session) => cityClient(api, city, session);
  // A fresh period for each submission: one open submission per indicator and period.
  const submit = async (session: Session): Promise<Written> => {
    const periodId = await fixtures.period(as(coordinator), String(++year));
    await fixtures.assignment(as(coordinator), { indicatorId, organisationId, periodId });
    const res = await as(session)
      .post('submissions')
      .send({ indicatorId, periodId, organisationId, observations: [{ disaggregation: {}, value: 7 }] })
      .expect(201);
    return res.body as Written;
  };
  const validate = (session: Session, submission: { id: string; version: number }) =>
    as(session)
      .post(`submissions/${submission.id}/validate`)
      .set('If-Match', String(submission.version))
      .send();
  const setFourEyes = (session: Session, fourEyes: unknown) => as(session).put('settings').send({ fourEyes });

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
    organisationId = await fixtures.organisation(as(coordinator), {
      name: 'Statistics',
      kind: 'local_authority',
    });
    official = await api.member(operator, city, 'official');
    otherOfficial = await api.member(operator, city, 'official');
    collector = await api.member(operator, city, 'collector', { organisationId });
    ({ id: indicatorId } = await fixtures.indicator(as(coordinator), {
      code: `FE-${randomUUID().slice(0, 6)}`,
      name: 'Complaints handled',
      status: 'active',
    }));
  });
  afterAll(() => api.close());

  it('is on by default: the submitter cannot validate (403 SUBMISSION.SAME_PERSON), another official can', async () => {
    expect((await as(collector).get('settings').expect(200)).body).toEqual({
      fourEyes: true,
      version: 0,
      position: 0,
    });
    const submission = await submit(official);
    expectProblem(await validate(official, submission), 403, 'SUBMISSION.SAME_PERSON');
    const done = await validate(otherOfficial, submission).expect(200);
    expect(done.body.status).toBe('validated');
  });

  it('keeps whoever last corrected from validating', async () => {
    const submission = await submit(collector);
    await as(official).post(`submissions/${submission.id}/return`).send({ reason: 'Recount' }).expect(200);
    const corrected = await as(official)
      .post(`submissions/${submission.id}/corrections`)
      .send({ reason: 'Recounted', observations: [{ disaggregation: {}, value: 8 }] })
      .expect(200);
    const current = { id: submission.id, version: corrected.body.version as number };
    expectProblem(await validate(official, current), 403, 'SUBMISSION.SAME_PERSON');
    await validate(otherOfficial, current).expect(200);
  });

  it('lets only a coordinator change the setting, names a bad value, and audits the change', async () => {
    expectProblem(await setFourEyes(official, false), 403);
    const bad = expectProblem(await setFourEyes(coordinator, 'no'), 400);
    expect(bad.errors.map((e) => e.field)).toContain('fourEyes');
    expect((await as(coordinator).get('settings').expect(200)).body.fourEyes).toBe(true);

    const changed = await setFourEyes(coordinator, false).expect(200);
    expect(changed.body).toEqual({ fourEyes: false, version: 1, position: expect.any(Number) });
    // Asking again for what is already set changes nothing.
    expect((await setFourEyes(coordinator, false).expect(200)).body).toEqual(changed.body);

    const audit = await as(coordinator).get(`audit/streams/city-settings-${city.id}`).expect(200);
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]).toEqual(
      expect.objectContaining({
        type: 'CitySettingsChanged',
        data: { fourEyes: false },
        metadata: expect.objectContaining({ actorId: coordinator.user.id, actorRole: 'coordinator' }),
      }),
    );
  });

  it('allows the submitter to validate once the setting is off, and refuses again once it is back on', async () => {
    await setFourEyes(coordinator, false).expect(200);
    const own = await submit(official);
    await validate(official, own).expect(200);

    await setFourEyes(coordinator, true).expect(200);
    // Taken from the settings stream at once: no projection to wait for.
    const next = await submit(official);
    expectProblem(await validate(official, next), 403, 'SUBMISSION.SAME_PERSON');
  });
});
