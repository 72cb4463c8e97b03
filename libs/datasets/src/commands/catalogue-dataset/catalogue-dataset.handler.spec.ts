import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { InMemoryDatasetReferences } from '../../testing/in-memory-dataset-references';
import { aDataset, INDICATOR_ID, OWNER_ID } from '../../domain/testing/dataset-fixtures';
import { CatalogueDatasetCommand } from './catalogue-dataset.command';
import { CatalogueDatasetDto } from './catalogue-dataset.dto';
import { CatalogueDatasetHandler } from './catalogue-dataset.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const padua = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
const PADUA_INDICATOR = '0192f0aa-0000-7000-8000-0000000000e9';

const body = (overrides: Partial<CatalogueDatasetDto> = {}): CatalogueDatasetDto => ({
  title: 'Social housing waiting list',
  description: 'Applications for social housing, by household type (illustrative).',
  owner: OWNER_ID,
  licence: 'CC-BY-4.0',
  updateFrequency: 'monthly',
  personalData: true,
  indicators: [INDICATOR_ID],
  ...overrides,
});

const setUp = () => {
  const aggregates = new InMemoryAggregates();
  const references = new InMemoryDatasetReferences()
    .withOrganisation(ghent, OWNER_ID, 'local_authority')
    .withIndicators(ghent, INDICATOR_ID)
    .withIndicators(padua, PADUA_INDICATOR);
  return { aggregates, handler: new CatalogueDatasetHandler(aggregates, references) };
};

describe('CatalogueDatasetHandler', () => {
  it('catalogues the entry on a new stream named by the id it returns, kind and visibility defaulted', async () => {
    const { aggregates, handler } = setUp();
    const view = await handler.execute(new CatalogueDatasetCommand(ghent, body(), commandMetadata()));
    expect(view).toEqual({ id: expect.any(String), version: 1, position: 1 });
    expect(aggregates.eventsOf(ghent, `dataset-${view.id}`)).toEqual([
      { type: 'DatasetCatalogued', data: { datasetId: view.id, details: aDataset() } },
    ]);
  });

  it('records a first assessment in the same append', async () => {
    const { aggregates, handler } = setUp();
    const criterion = { score: 4 };
    const qualityAssessment = {
      checklist: {
        relevance: criterion,
        accuracy: criterion,
        timeliness: criterion,
        accessibility: criterion,
        comparability: { score: 2, note: 'Local categories' },
      },
      verdict: 'replace' as const,
    };
    const view = await handler.execute(
      new CatalogueDatasetCommand(ghent, body({ qualityAssessment }), commandMetadata()),
    );
    expect(view.version).toBe(2);
    expect(aggregates.eventsOf(ghent, `dataset-${view.id}`)[1]).toEqual({
      type: 'DatasetAssessed',
      data: {
        datasetId: view.id,
        assessmentId: expect.any(String),
        scores: { relevance: 4, accuracy: 4, timeliness: 4, accessibility: 4, comparability: 2 },
        notes: { comparability: 'Local categories' },
        verdict: 'replace',
      },
    });
  });

  it("refuses another city's indicator with 422 naming indicators", async () => {
    const { handler } = setUp();
    await expect(
      handler.execute(
        new CatalogueDatasetCommand(ghent, body({ indicators: [PADUA_INDICATOR] }), commandMetadata()),
      ),
    ).rejects.toMatchObject({ code: 'DATASET.UNKNOWN_INDICATOR', errors: [{ field: 'indicators' }] });
  });

  it("refuses a collector another organisation's dataset", async () => {
    const { handler } = setUp();
    const metadata = commandMetadata({
      actorRole: 'collector',
      organisationId: '0192f0aa-0000-7000-8000-0000000000b9',
    });
    await expect(handler.execute(new CatalogueDatasetCommand(ghent, body(), metadata))).rejects.toMatchObject(
      {
        code: 'DATASET.NOT_OWN_ORGANISATION',
      },
    );
  });

  it('answers a retry under the same idempotency key with the first entry', async () => {
    const { handler } = setUp();
    const command = new CatalogueDatasetCommand(ghent, body(), commandMetadata({ idempotencyKey: 'k1' }));
    const first = await handler.execute(command);
    expect(await handler.execute(command)).toEqual(first);
  });
});
