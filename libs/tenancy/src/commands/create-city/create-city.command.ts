import { Command } from '@nestjs/cqrs';
import { CityView } from '../../city.view';
import { CreateCityDto } from './create-city.dto';

export class CreateCityCommand extends Command<CityView> {
  constructor(readonly input: CreateCityDto) {
    super();
  }
}
