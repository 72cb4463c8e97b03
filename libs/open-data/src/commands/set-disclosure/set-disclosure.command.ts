import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { SetDisclosureDto } from './set-disclosure.dto';

export class SetDisclosureCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly indicatorId: string,
    readonly input: SetDisclosureDto,
    readonly expectedVersion: number | undefined,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
