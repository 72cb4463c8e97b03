import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedMandateView } from '../../mandate.view';
import { GrantMandateDto } from './grant-mandate.dto';

export class GrantMandateCommand extends Command<CreatedMandateView> {
  constructor(
    readonly cityId: CityId,
    readonly organisationId: string,
    readonly input: GrantMandateDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
