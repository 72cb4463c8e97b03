import { Injectable } from '@nestjs/common';
import { CityId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import type { LocalisedText } from './domain/indicator.events';

// A plain string in a request is text in the city's default locale.
@Injectable()
export class CityLocale {
  constructor(private readonly db: TenantDb) {}

  async defaultLocale(cityId: CityId): Promise<string> {
    const rows = await this.db.platform((em) =>
      em.query<{ default_locale: string }[]>(`SELECT default_locale FROM cities WHERE id = $1`, [cityId]),
    );
    if (!rows[0]) throw new DomainError('not_found', 'CITY.NOT_FOUND', 'No such city');
    return rows[0].default_locale;
  }

  // Resolves the default locale only when some input is a plain string.
  async localise<T extends Record<string, unknown>>(
    cityId: CityId,
    input: T,
    fields: readonly (keyof T)[],
  ): Promise<{ [K in keyof T]: K extends 'name' | 'description' ? LocalisedText | null | undefined : T[K] }> {
    const result: Record<string, unknown> = { ...input };
    const plain = fields.filter((f) => typeof input[f] === 'string');
    if (plain.length > 0) {
      const locale = await this.defaultLocale(cityId);
      for (const field of plain) result[field as string] = { [locale]: input[field] as string };
    }
    return result as never;
  }
}
