import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { datasetDecider } from '../../domain/dataset.decider';
import { DatasetErrors } from '../../domain/dataset.errors';
import { datasetStream } from '../../domain/dataset.events';
import { CreatedAssessmentView } from '../../dataset.view';
import { toAssessment } from '../assessment.dto';
import { AssessDatasetCommand } from './assess-dataset.command';

// An assessment adds to the entry's history and overwrites nothing: no If-Match.
@CommandHandler(AssessDatasetCommand)
export class AssessDatasetHandler implements ICommandHandler<AssessDatasetCommand, CreatedAssessmentView> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({
    cityId,
    datasetId,
    input,
    metadata,
  }: AssessDatasetCommand): Promise<CreatedAssessmentView> {
    const stream = datasetStream(datasetId);
    const { version, position } = await this.aggregates.handle(
      cityId,
      datasetDecider,
      stream,
      { type: 'AssessDataset', assessmentId: uuidv7(), assessment: toAssessment(input) },
      { metadata },
    );
    // A retry under the same Idempotency-Key appends nothing: the id is the first attempt's, at its version.
    const { state } = await this.aggregates.load(cityId, datasetDecider, stream, { version });
    if (!state.exists || state.lastAssessmentId === null) throw DatasetErrors.NOT_FOUND();
    return { id: state.lastAssessmentId, version, position };
  }
}
