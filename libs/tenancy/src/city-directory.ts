import { Injectable } from '@nestjs/common';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { CityContext } from '@rl/web';
import { CityRecord } from './persistence/city.entity';

// Resolves the `:city` slug of a request to the city's id and timezone.
@Injectable()
export class CityDirectory {
  constructor(private readonly db: TenantDb) {}

  async findBySlug(slug: string): Promise<CityContext | null> {
    const city = await this.db.platform((em) => em.findOne(CityRecord, { where: { slug } }));
    return city && { id: asCityId(city.id), slug: city.slug, timezone: city.timezone };
  }
}
