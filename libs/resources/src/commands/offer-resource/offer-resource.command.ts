import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedResourceView } from '../../resource.view';
import { OfferResourceDto } from './offer-resource.dto';

export class OfferResourceCommand extends Command<CreatedResourceView> {
  constructor(
    readonly cityId: CityId,
    readonly input: OfferResourceDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
