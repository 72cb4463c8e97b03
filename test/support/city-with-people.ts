import { CityRole } from '@rl/kernel';
import { ApiHarness, Session, TestCity } from './api-harness';
import { CityClient, cityClient } from './city-client';
import { fixtures } from './fixtures';

export type CityPeople = Record<Exclude<CityRole, 'auditor'>, Session>;

export interface CityWithPeople extends CityPeople {
  city: TestCity;
  // The collector's organisation.
  organisationId: string;
  as(session: Session): CityClient;
}

// A city with one logged-in member of each role that takes part in reporting, the collector in an
// organisation the coordinator registered (with `organisation`'s fields): what most suites start from.
export async function cityWithPeople(
  api: ApiHarness,
  operator: Session,
  name?: string,
  organisation: Record<string, unknown> = {},
): Promise<CityWithPeople> {
  const city = await api.city(operator, name);
  const coordinator = await api.member(operator, city, 'coordinator');
  const as = (session: Session) => cityClient(api, city, session);
  const organisationId = await fixtures.organisation(as(coordinator), organisation);
  const [official, collector, researcher, observer] = await Promise.all([
    api.member(operator, city, 'official'),
    api.member(operator, city, 'collector', { organisationId }),
    api.member(operator, city, 'researcher'),
    api.member(operator, city, 'observer'),
  ]);
  return { city, organisationId, coordinator, official, collector, researcher, observer, as };
}

// Ghent and Padua, each with its coordinator: for suites that show one city nothing of the other.
export async function twoCities(
  api: ApiHarness,
  operator: Session,
): Promise<{ ghent: TestCity; padua: TestCity; coordinator: Session; paduaCoordinator: Session }> {
  const ghent = await api.city(operator, 'Ghent');
  const padua = await api.city(operator, 'Padua');
  return {
    ghent,
    padua,
    coordinator: await api.member(operator, ghent, 'coordinator'),
    paduaCoordinator: await api.member(operator, padua, 'coordinator'),
  };
}
