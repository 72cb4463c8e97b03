import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { CityErrors } from '@rl/tenancy';

// The locale a city's plain-text names and descriptions are written in.
export abstract class CityLocales {
  abstract defaultLocale(cityId: CityId): Promise<string>;
}

@Injectable()
export class PgCityLocales implements CityLocales {
  constructor(private readonly db: TenantDb) {}

  async defaultLocale(cityId: CityId): Promise<string> {
    const rows = await this.db.platform((em) =>
      em.query<{ default_locale: string }[]>(`SELECT default_locale FROM cities WHERE id = $1`, [cityId]),
    );
    if (!rows[0]) throw CityErrors.NOT_FOUND();
    return rows[0].default_locale;
  }
}
