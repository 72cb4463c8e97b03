import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { EventStore } from '@rl/event-store';
import { asCityId } from '@rl/kernel';
import { ApiHarness, TestCity } from './api-harness';

// Appends `count` organisations (one event each) to the city's log; returns the last position.
export async function appendOrganisations(api: ApiHarness, city: TestCity, count: number): Promise<number> {
  const store = api.app.get(EventStore);
  let position = 0;
  for (let i = 0; i < count; i++) {
    const organisationId = randomUUID();
    ({ position } = await store.append(
      asCityId(city.id),
      `organisation-${organisationId}`,
      0,
      [{ type: 'OrganisationRegistered', data: { organisationId, name: `Org ${i}`, kind: 'cso' } }],
      { actorId: 'checkpoint-test', actorRole: 'coordinator' },
    ));
  }
  return position;
}

export const linesOf = (text: string) => createInterface({ input: Readable.from([text]) });
