import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { ImportQueuedView, ImportResultView, ImportUploadDto } from './import-open-sdg.dto';

// An upload without indicatorId: a filled spreadsheet template. The forms context handles it (it knows
// the template's layout) and imports its rows through ImportOpenSdgCommand.
export class ImportTemplateCommand extends Command<ImportResultView | ImportQueuedView> {
  constructor(
    readonly cityId: CityId,
    readonly timezone: string,
    readonly input: ImportUploadDto,
    readonly file: { name: string; buffer: Buffer },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
