import { randomUUID } from 'node:crypto';
import { CityClient } from './city-client';

type Fields = Record<string, unknown>;
const shortId = () => randomUUID().slice(0, 6);

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

  async period(client: CityClient, code: string, deadline = '2099-01-31'): Promise<string> {
    const res = await client.post('periods').send({ code, deadline }).expect(201);
    return res.body.id as string;
  },

  async assignment(
    client: CityClient,
    ids: { indicatorId: string; organisationId: string; periodId: string },
  ): Promise<string> {
    const res = await client.post('assignments').send(ids).expect(201);
    return res.body.id as string;
  },
};
