import { CursorKey } from '@rl/kernel';
import { CityRecord } from '../persistence/city.entity';
import { Cities, NewCity } from '../persistence/cities.repository';

// The city registry in memory, for handler unit tests; slugs are unique as in the table.
export class InMemoryCities implements Cities {
  readonly rows: CityRecord[] = [];

  async insert(city: NewCity): Promise<CityRecord | null> {
    if (this.rows.some((row) => row.slug === city.slug)) return null;
    const row = { ...city, createdAt: new Date() };
    this.rows.push(row);
    return row;
  }

  async bySlug(slug: string): Promise<CityRecord | null> {
    return this.rows.find((row) => row.slug === slug) ?? null;
  }

  async page(after: CursorKey | undefined, limit: number): Promise<CityRecord[]> {
    return [...this.rows]
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .filter((row) => after === undefined || row.slug > String(after[0]))
      .slice(0, limit + 1);
  }
}
