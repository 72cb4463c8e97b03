import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import type { LocalisedText } from './domain/indicator.events';
import { CityLocales } from './persistence/city-locales.repository';

// A plain string in a request is text in the city's default locale.
@Injectable()
export class CityLocale {
  constructor(private readonly locales: CityLocales) {}

  // Resolves the default locale only when some input is a plain string.
  async localise<T extends Record<string, unknown>>(
    cityId: CityId,
    input: T,
    fields: readonly (keyof T)[],
  ): Promise<{ [K in keyof T]: K extends 'name' | 'description' ? LocalisedText | null | undefined : T[K] }> {
    const result: Record<string, unknown> = { ...input };
    const plain = fields.filter((f) => typeof input[f] === 'string');
    if (plain.length > 0) {
      const locale = await this.locales.defaultLocale(cityId);
      for (const field of plain) result[field as string] = { [locale]: input[field] as string };
    }
    return result as never;
  }
}
