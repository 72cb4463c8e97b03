import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { InMemoryDatasetReferences } from '../../testing/in-memory-dataset-references';
import { catalogued, DATASET_ID, INDICATOR_ID, OWNER_ID } from '../../domain/testing/dataset-fixtures';
import { ReviseDatasetCommand } from './revise-dataset.command';
import { ReviseDatasetDto } from './revise-dataset.dto';
import { ReviseDatasetHandler } from './revise-dataset.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `dataset-${DATASET_ID}`;
const UNIVERSITY = '0192f0aa-0000-7000-8000-0000000000b3';
const OTHER_INDICATOR = '0192f0aa-0000-7000-8000-0000000000e2';

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [catalogued()]);
  const references = new InMemoryDatasetReferences()
    .withOrganisation(ghent, OWNER_ID, 'local_authority')
    .withOrganisation(ghent, UNIVERSITY, 'academic')
    .withIndicators(ghent, INDICATOR_ID, OTHER_INDICATOR);
  return { aggregates, handler: new ReviseDatasetHandler(aggregates, references) };
};
const revise = (expected: number, changes: ReviseDatasetDto, metadata = commandMetadata()) =>
  new ReviseDatasetCommand(ghent, DATASET_ID, expected, changes, metadata);

describe('ReviseDatasetHandler', () => {
  it('records the changed fields at the version the client saw, the sector following a new owner', async () => {
    const { aggregates, handler } = setUp();
    const changes = { owner: UNIVERSITY, indicators: [INDICATOR_ID, OTHER_INDICATOR], licence: 'odbl-1.0' };
    expect(await handler.execute(revise(1, changes))).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'DatasetRevised',
      data: {
        datasetId: DATASET_ID,
        changes: {
          owner: UNIVERSITY,
          sector: 'academic',
          licence: 'ODbL-1.0',
          indicators: [INDICATOR_ID, OTHER_INDICATOR],
        },
      },
    });
  });

  it('refuses a stale If-Match with the current version', async () => {
    const { handler } = setUp();
    await expect(handler.execute(revise(3, { title: 'B' }))).rejects.toMatchObject({
      code: 'DATASET.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });

  it('refuses an owner that is no organisation of the city, naming owner', async () => {
    const { handler } = setUp();
    await expect(
      handler.execute(revise(1, { owner: '0192f0aa-0000-7000-8000-0000000000bf' })),
    ).rejects.toMatchObject({
      code: 'DATASET.UNKNOWN_ORGANISATION',
      errors: [{ field: 'owner' }],
    });
  });

  it('refuses to clear a required field, naming it', async () => {
    const { handler } = setUp();
    await expect(
      handler.execute(revise(1, { title: null } as unknown as ReviseDatasetDto)),
    ).rejects.toMatchObject({
      code: 'DATASET.INVALID',
      errors: [{ field: 'title' }],
    });
  });

  it('says not found for an entry that was never catalogued', async () => {
    const handler = new ReviseDatasetHandler(new InMemoryAggregates(), new InMemoryDatasetReferences());
    await expect(handler.execute(revise(1, { title: 'B' }))).rejects.toMatchObject({
      code: 'DATASET.NOT_FOUND',
    });
  });
});
