import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedOrganisationView } from '../../organisation.view';
import { RegisterOrganisationDto } from './register-organisation.dto';

export class RegisterOrganisationCommand extends Command<CreatedOrganisationView> {
  constructor(
    readonly cityId: CityId,
    readonly input: RegisterOrganisationDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
