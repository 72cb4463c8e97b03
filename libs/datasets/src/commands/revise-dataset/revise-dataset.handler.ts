import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { datasetDecider } from '../../domain/dataset.decider';
import { datasetStream } from '../../domain/dataset.events';
import { DatasetReferences } from '../../persistence/dataset-references.repository';
import { actingFor } from '../acting-for';
import { ReviseDatasetCommand } from './revise-dataset.command';

@CommandHandler(ReviseDatasetCommand)
export class ReviseDatasetHandler implements ICommandHandler<ReviseDatasetCommand, WriteResultView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: DatasetReferences,
  ) {}

  async execute({
    cityId,
    datasetId,
    expectedVersion,
    changes,
    metadata,
  }: ReviseDatasetCommand): Promise<WriteResultView> {
    await this.references.assertIndicators(cityId, changes.indicators);
    const ownerKind = changes.owner
      ? await this.references.organisationKind(cityId, changes.owner)
      : undefined;
    const { version, position } = await this.aggregates.handle(
      cityId,
      datasetDecider,
      datasetStream(datasetId),
      {
        type: 'ReviseDataset',
        changes: changes,
        ownerKind,
        actingFor: actingFor(metadata),
      },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
