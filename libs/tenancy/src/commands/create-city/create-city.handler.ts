import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CityView } from '../../city.view';
import { CityErrors } from '../../domain/tenancy.errors';
import { Cities } from '../../persistence/cities.repository';
import { CreateCityCommand } from './create-city.command';

@CommandHandler(CreateCityCommand)
export class CreateCityHandler implements ICommandHandler<CreateCityCommand, CityView> {
  constructor(private readonly cities: Cities) {}

  async execute({ input }: CreateCityCommand): Promise<CityView> {
    const city = await this.cities.insert({
      id: randomUUID(),
      ...input,
      countryCode: input.countryCode.toUpperCase(),
    });
    if (!city) {
      throw CityErrors.SLUG_TAKEN({
        message: `A city with slug "${input.slug}" already exists`,
        errors: [{ field: 'slug', message: 'is already taken' }],
      });
    }
    return CityView.of(city);
  }
}
