import { testConfig } from '../../test/support/test-config';
import { pendingSchemaChanges } from './schema-drift';

// Fails when an entity changed without a migration (or a migration without its entity): generating a
// migration from the entities against the migrated database must yield nothing.
describe('schema drift', () => {
  it('finds no difference between the entities and the migrated database', async () => {
    const { up } = await pendingSchemaChanges(testConfig());
    expect(up).toEqual([]);
  });
});
