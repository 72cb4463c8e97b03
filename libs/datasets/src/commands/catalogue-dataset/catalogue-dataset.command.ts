import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedDatasetView } from '../../dataset.view';
import { CatalogueDatasetDto } from './catalogue-dataset.dto';

export class CatalogueDatasetCommand extends Command<CreatedDatasetView> {
  constructor(
    readonly cityId: CityId,
    readonly input: CatalogueDatasetDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
