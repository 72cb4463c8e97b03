import { CityId } from '@rl/kernel';
import {
  CatalogCityRow,
  CatalogSources,
  DatasetStats,
  PublicDatasetRow,
  PublicSeriesRow,
} from '../persistence/catalog-sources.repository';

// The catalogue's sources as the public reader sees them: only what a test puts in, already public.
export class InMemoryCatalogSources extends CatalogSources {
  readonly cities: CatalogCityRow[] = [];
  readonly seriesRows = new Map<CityId, PublicSeriesRow[]>();
  readonly datasetRows = new Map<CityId, PublicDatasetRow[]>();

  city(slug: string): Promise<CatalogCityRow | null> {
    return Promise.resolve(this.cities.find((c) => c.slug === slug) ?? null);
  }

  series(cityId: CityId, modifiedSince: Date | null): Promise<PublicSeriesRow[]> {
    return Promise.resolve(
      (this.seriesRows.get(cityId) ?? []).filter((s) => !modifiedSince || s.modified >= modifiedSince),
    );
  }

  private changed(cityId: CityId, since: Date | null) {
    return (this.datasetRows.get(cityId) ?? []).filter((d) => !since || d.updatedAt >= since);
  }

  datasetStats(cityId: CityId, modifiedSince: Date | null): Promise<DatasetStats> {
    const rows = this.changed(cityId, modifiedSince);
    const last = rows.reduce<Date | null>((max, d) => (!max || d.updatedAt > max ? d.updatedAt : max), null);
    return Promise.resolve({ count: rows.length, modified: last });
  }

  datasets(
    cityId: CityId,
    modifiedSince: Date | null,
    offset: number,
    limit: number,
  ): Promise<PublicDatasetRow[]> {
    return Promise.resolve(this.changed(cityId, modifiedSince).slice(offset, offset + limit));
  }
}
