import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { SetSdmxMappingDto } from './set-sdmx-mapping.dto';

export class SdmxCheckView {
  unmapped!: string[];
}

export class SetSdmxMappingCommand extends Command<WriteResultView | SdmxCheckView> {
  constructor(
    readonly cityId: CityId,
    readonly indicatorId: string,
    readonly input: SetSdmxMappingDto,
    readonly dryRun: boolean,
    readonly expectedVersion: number | undefined,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
