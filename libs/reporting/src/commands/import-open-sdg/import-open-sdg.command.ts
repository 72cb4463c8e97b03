import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { ImportOpenSdgDto, ImportQueuedView, ImportResultView } from './import-open-sdg.dto';

export class ImportOpenSdgCommand extends Command<ImportResultView | ImportQueuedView> {
  constructor(
    readonly cityId: CityId,
    readonly timezone: string,
    readonly input: ImportOpenSdgDto,
    readonly file: { name: string; buffer: Buffer },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
