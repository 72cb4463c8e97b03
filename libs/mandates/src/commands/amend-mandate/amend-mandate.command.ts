import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { AmendMandateDto } from './amend-mandate.dto';

export class AmendMandateCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly organisationId: string,
    readonly mandateId: string,
    readonly expectedVersion: number,
    readonly changes: AmendMandateDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
