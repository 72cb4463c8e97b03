import { Injectable } from '@nestjs/common';
import { CursorKey } from '@rl/kernel';
import { isUniqueViolation, keysetPage, TenantDb } from '@rl/persistence';
import { CityRecord } from './city.entity';

export type NewCity = Omit<CityRecord, 'createdAt'>;

// The tenant registry (a platform table).
export abstract class Cities {
  // The city as stored, or null when its slug is taken.
  abstract insert(city: NewCity): Promise<CityRecord | null>;
  abstract bySlug(slug: string): Promise<CityRecord | null>;
  // By slug, after the keyset cursor.
  abstract page(after: CursorKey | undefined, limit: number): Promise<CityRecord[]>;
}

@Injectable()
export class PgCities implements Cities {
  constructor(private readonly db: TenantDb) {}

  async insert(city: NewCity): Promise<CityRecord | null> {
    try {
      return await this.db.platform((em) => em.save(em.create(CityRecord, city)));
    } catch (error) {
      if (isUniqueViolation(error, 'uq_cities_slug')) return null;
      throw error;
    }
  }

  bySlug(slug: string): Promise<CityRecord | null> {
    return this.db.platform((em) => em.findOne(CityRecord, { where: { slug } }));
  }

  // The unique index on slug serves the keyset.
  page(after: CursorKey | undefined, limit: number): Promise<CityRecord[]> {
    return this.db.platform((em) =>
      keysetPage(em.createQueryBuilder(CityRecord, 'c'), ['c.slug'], after, limit).getMany(),
    );
  }
}
