import { randomUUID } from 'node:crypto';
import { CityClient } from './city-client';

type Fields = Record<string, unknown>;
const shortId = () => randomUUID().slice(0, 6);

async function definePeriod(client: CityClient, code: string, deadline = '2099-01-31') {
  const res = await client.post('periods').send({ code, deadline }).expect(201);
  return res.body as { id: string; deadline: string };
}

// The objects most suites need before they test anything, created over HTTP as `client`'s member would
// (a coordinator, unless the suite says otherwise). Each returns what suites use next: the id (and code).
export const fixtures = {
  async organisation(client: CityClient, fields: Fields = {}): Promise<string> {
    const res = await client
      .post('organisations')
      .send({ name: `CSO ${shortId()}`, kind: 'cso', ...fields })
      .expect(201);
    return res.body.id as string;
  },

  // A draft by default; `{ status: 'active' }` for one that accepts data.
  async indicator(client: CityClient, fields: Fields = {}): Promise<{ id: string; code: string }> {
    const body = {
      code: `ND-${shortId()}`,
      name: 'Discrimination complaints received',
      right: 'non-discrimination',
      type: 'process',
      unit: 'count',
      direction: 'neutral',
      ...fields,
    };
    const res = await client.post('indicators').send(body).expect(201);
    return { id: res.body.id as string, code: body.code };
  },

  async period(client: CityClient, code: string, deadline?: string): Promise<string> {
    return (await definePeriod(client, code, deadline)).id;
  },

  async assignment(
    client: CityClient,
    ids: { indicatorId: string; organisationId: string; periodId: string },
  ): Promise<string> {
    const res = await client.post('assignments').send(ids).expect(201);
    return res.body.id as string;
  },

  // A validated value: `submitter` (an official) submits the cells, `validator` (another official:
  // four eyes) validates them.
  async validated(
    submitter: CityClient,
    validator: CityClient,
    submission: {
      indicatorId: string;
      periodId: string;
      organisationId: string;
      observations: { disaggregation: Record<string, string>; value: number }[];
    },
  ): Promise<string> {
    const res = await submitter.post('submissions').send(submission).expect(201);
    await validator
      .post(`submissions/${res.body.id}/validate`)
      .set('If-Match', String(res.body.version))
      .send()
      .expect(200);
    return res.body.id as string;
  },

  // Work for an organisation: a new indicator (`indicator` fields) and period, and the assignment.
  async assignedWork(
    client: CityClient,
    work: { organisationId: string; periodCode: string; deadline?: string; indicator?: Fields },
  ): Promise<AssignedWork> {
    const indicator = await fixtures.indicator(client, work.indicator);
    const period = await definePeriod(client, work.periodCode, work.deadline);
    const ids = { indicatorId: indicator.id, organisationId: work.organisationId, periodId: period.id };
    const assignmentId = await fixtures.assignment(client, ids);
    return { ...ids, indicatorCode: indicator.code, deadline: period.deadline, assignmentId };
  },

  // Values submitted by `submitter` and validated by `validator` (another member: four eyes).
  async validatedValues(
    submitter: CityClient,
    validator: CityClient,
    ids: { indicatorId: string; organisationId: string; periodId: string },
    cells: [Record<string, string>, number][],
  ): Promise<string> {
    const observations = cells.map(([disaggregation, value]) => ({ disaggregation, value }));
    return fixtures.validated(submitter, validator, { ...ids, observations });
  },
};

export interface AssignedWork {
  indicatorId: string;
  indicatorCode: string;
  organisationId: string;
  periodId: string;
  // As the API normalised it.
  deadline: string;
  assignmentId: string;
}

// An indicator whose reminders several suites follow.
export const EARLY_SCHOOL_LEAVERS = {
  name: 'Early school leavers',
  right: 'education',
  type: 'outcome',
  unit: 'percent',
  direction: 'lower_is_better',
};
