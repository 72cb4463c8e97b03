// The fake lives in infra/fakes so that bench:pulls (built code, which may not import tests) uses it too.
export { FakeOdkCentral, OdkRow } from '../../infra/fakes/fake-odk-central';
