import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@rl/kernel';
import { isUniqueViolation, TenantDb } from '@rl/persistence';
import { CityView } from '../../city.view';
import { CityRecord } from '../../persistence/city.entity';
import { CreateCityCommand } from './create-city.command';

@CommandHandler(CreateCityCommand)
export class CreateCityHandler implements ICommandHandler<CreateCityCommand, CityView> {
  constructor(private readonly db: TenantDb) {}

  async execute({ input }: CreateCityCommand): Promise<CityView> {
    try {
      const record = await this.db.platform(async (em) => {
        const city = em.create(CityRecord, {
          id: randomUUID(),
          ...input,
          countryCode: input.countryCode.toUpperCase(),
        });
        return em.save(city);
      });
      return CityView.of(record);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_cities_slug')) {
        throw new DomainError(
          'conflict',
          'CITY.SLUG_TAKEN',
          `A city with slug "${input.slug}" already exists`,
          [{ field: 'slug', message: 'is already taken' }],
        );
      }
      throw error;
    }
  }
}
