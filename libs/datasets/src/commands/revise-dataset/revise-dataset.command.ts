import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { ReviseDatasetDto } from './revise-dataset.dto';

export class ReviseDatasetCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly datasetId: string,
    readonly expectedVersion: number,
    readonly changes: ReviseDatasetDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
