import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

import { UpdateOrganisationDto } from './update-organisation.dto';

export class UpdateOrganisationCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly organisationId: string,
    readonly expectedVersion: number,
    readonly changes: UpdateOrganisationDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
