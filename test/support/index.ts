// One import path for suites: the harness, polling, fixtures and a city with its people.
export {
  ApiHarness,
  AuditEvent,
  expectProblem,
  PASSWORD,
  Session,
  TestCity,
  uniqueSuffix,
} from './api-harness';
export { CityClient, cityClient } from './city-client';
export { CityPeople, CityWithPeople, cityWithPeople, twoCities } from './city-with-people';
export { eventually, sleep } from './eventually';
export { AssignedWork, EARLY_SCHOOL_LEAVERS, fixtures } from './fixtures';
export { suiteQueues } from './test-config';
