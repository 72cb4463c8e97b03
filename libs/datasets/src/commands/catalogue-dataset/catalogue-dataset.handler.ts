import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { datasetDecider } from '../../domain/dataset.decider';
import { datasetStream } from '../../domain/dataset.events';
import { CreatedDatasetView } from '../../dataset.view';
import { DatasetReferences } from '../../persistence/dataset-references.repository';
import { actingFor } from '../acting-for';
import { toAssessment } from '../assessment.dto';
import { CatalogueDatasetCommand } from './catalogue-dataset.command';

@CommandHandler(CatalogueDatasetCommand)
export class CatalogueDatasetHandler implements ICommandHandler<CatalogueDatasetCommand, CreatedDatasetView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: DatasetReferences,
  ) {}

  async execute({ cityId, input, metadata }: CatalogueDatasetCommand): Promise<CreatedDatasetView> {
    const { qualityAssessment, ...given } = input;
    await this.references.assertIndicators(cityId, given.indicators);
    const datasetId = uuidv7();
    const details = {
      ...given,
      kind: given.kind ?? 'dataset',
      indicators: given.indicators ?? [],
      public: given.public ?? false,
    };
    const result = await this.aggregates.handle(
      cityId,
      datasetDecider,
      datasetStream(datasetId),
      {
        type: 'CatalogueDataset',
        datasetId,
        details,
        ownerKind: await this.references.organisationKind(cityId, given.owner),
        actingFor: actingFor(metadata),
        ...(qualityAssessment && {
          assessment: { assessmentId: uuidv7(), ...toAssessment(qualityAssessment) },
        }),
      },
      { expected: 0, metadata },
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return {
      id: result.streamId.replace(/^dataset-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
