import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { catalogued, DATASET_ID } from '../../domain/testing/dataset-fixtures';
import { AssessmentDto } from '../assessment.dto';
import { AssessDatasetCommand } from './assess-dataset.command';
import { AssessDatasetHandler } from './assess-dataset.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `dataset-${DATASET_ID}`;
const scored = (score: number, note?: string) => ({ score, ...(note && { note }) });
const input: AssessmentDto = {
  checklist: {
    relevance: scored(5),
    accuracy: scored(2, 'Self-reported'),
    timeliness: scored(1, 'Two years late'),
    accessibility: scored(3),
    comparability: scored(2),
  },
  verdict: 'replace',
  summary: 'Build a register instead',
};

describe('AssessDatasetHandler', () => {
  it('adds an assessment to the history and answers with its id', async () => {
    const aggregates = new InMemoryAggregates().given(ghent, stream, [catalogued()]);
    const handler = new AssessDatasetHandler(aggregates);
    const view = await handler.execute(new AssessDatasetCommand(ghent, DATASET_ID, input, commandMetadata()));
    expect(view).toEqual({ id: expect.any(String), version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'DatasetAssessed',
      data: {
        datasetId: DATASET_ID,
        assessmentId: view.id,
        scores: { relevance: 5, accuracy: 2, timeliness: 1, accessibility: 3, comparability: 2 },
        notes: { accuracy: 'Self-reported', timeliness: 'Two years late' },
        verdict: 'replace',
        summary: 'Build a register instead',
      },
    });
  });

  it('answers a retry under the same idempotency key with the first assessment, recording nothing', async () => {
    const aggregates = new InMemoryAggregates().given(ghent, stream, [catalogued()]);
    const handler = new AssessDatasetHandler(aggregates);
    const command = new AssessDatasetCommand(
      ghent,
      DATASET_ID,
      input,
      commandMetadata({ idempotencyKey: 'k1' }),
    );
    const first = await handler.execute(command);
    expect(await handler.execute(command)).toEqual(first);
    expect(aggregates.eventsOf(ghent, stream)).toHaveLength(2);
  });

  it('says not found for an entry that was never catalogued', async () => {
    const handler = new AssessDatasetHandler(new InMemoryAggregates());
    await expect(
      handler.execute(new AssessDatasetCommand(ghent, DATASET_ID, input, commandMetadata())),
    ).rejects.toMatchObject({ code: 'DATASET.NOT_FOUND' });
  });
});
