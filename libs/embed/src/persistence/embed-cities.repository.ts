import { Injectable } from '@nestjs/common';
import { TenantDb } from '@rl/persistence';

// The locale a city writes its numbers in (cities is a platform table: a public fact, as its name).
export abstract class EmbedCities {
  abstract locale(citySlug: string): Promise<string | null>;
}

@Injectable()
export class PgEmbedCities implements EmbedCities {
  constructor(private readonly db: TenantDb) {}

  async locale(citySlug: string): Promise<string | null> {
    const [city] = await this.db.platform((em) =>
      em.query<{ locale: string }[]>(`SELECT default_locale AS locale FROM cities WHERE slug = $1`, [
        citySlug,
      ]),
    );
    return city?.locale ?? null;
  }
}
