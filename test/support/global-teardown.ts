import './register-paths';
import { dropTestDatabases } from './test-databases';

export default async function globalTeardown(): Promise<void> {
  await dropTestDatabases();
}
