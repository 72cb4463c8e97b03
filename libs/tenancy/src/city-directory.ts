import { Injectable } from '@nestjs/common';
import { asCityId } from '@rl/kernel';
import { CityContext } from '@rl/web';
import { Cities } from './persistence/cities.repository';

// Resolves the `:city` slug of a request to the city's id and timezone.
@Injectable()
export class CityDirectory {
  constructor(private readonly cities: Cities) {}

  async findBySlug(slug: string): Promise<CityContext | null> {
    const city = await this.cities.bySlug(slug);
    return city && { id: asCityId(city.id), slug: city.slug, timezone: city.timezone };
  }
}
