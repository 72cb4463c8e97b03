import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@rl/config';
import { FORMAT_MEDIA_TYPES, FREQUENCY_CODES, UpdateFrequency } from '@rl/datasets';
import { parsePeriodCode } from '@rl/reporting';
import { CityErrors } from '@rl/tenancy';
import { buildCatalog, DatasetEntry, SeriesEntry, Temporal } from '../../domain/dcat-catalog';
import { Resource } from '../../domain/rdf';
import {
  CatalogSources,
  PublicDatasetRow,
  PublicSeriesRow,
} from '../../persistence/catalog-sources.repository';
import { GetCatalogQuery } from './get-catalog.query';

// ckanext-dcat's own page size.
export const CATALOG_PAGE_SIZE = 100;

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

// From the first day of the earliest period with data to the last day of the latest (period ends are
// exclusive).
export function temporalOf(periods: readonly string[]): Temporal | null {
  if (periods.length === 0) return null;
  const parsed = periods.map((p) => parsePeriodCode(p));
  const start = parsed.reduce((min, p) => (p.start < min ? p.start : min), parsed[0].start);
  const end = parsed.reduce((max, p) => (p.end > max ? p.end : max), parsed[0].end);
  return { start, end: dayBefore(end) };
}

const seriesEntry = (s: PublicSeriesRow): SeriesEntry => ({
  id: s.id,
  code: s.code,
  name: s.name,
  description: s.description,
  right: s.right,
  unit: s.unit,
  frameworkRefs: s.frameworkRefs,
  temporal: temporalOf(s.periods),
  issued: s.issued.toISOString(),
  modified: s.modified.toISOString(),
});

function datasetEntry(d: PublicDatasetRow): DatasetEntry {
  const format = d.format as keyof typeof FORMAT_MEDIA_TYPES | null;
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    description: d.description,
    owner: { id: d.owner, name: d.ownerName },
    sector: d.sector,
    licence: d.licence,
    frequency: FREQUENCY_CODES[d.updateFrequency as UpdateFrequency] ?? 'UNKNOWN',
    accessUrl: d.accessUrl,
    // An API or paper has no entry in the EU file-type table.
    format: format && FORMAT_MEDIA_TYPES[format] ? format : null,
    mediaType: format ? FORMAT_MEDIA_TYPES[format] : null,
    temporal:
      d.temporalFrom || d.temporalTo
        ? { ...(d.temporalFrom && { start: d.temporalFrom }), ...(d.temporalTo && { end: d.temporalTo }) }
        : null,
    spatial: d.spatialCoverage,
    issued: d.createdAt.toISOString(),
    modified: d.updatedAt.toISOString(),
  };
}

// One page of a city's DCAT-AP catalogue: its public indicator series (by code), then its public
// catalogued datasets (first catalogued first).
@QueryHandler(GetCatalogQuery)
export class GetCatalogHandler implements IQueryHandler<GetCatalogQuery, Resource[]> {
  constructor(
    private readonly sources: CatalogSources,
    private readonly config: AppConfig,
  ) {}

  async execute({ citySlug, page, modifiedSince }: GetCatalogQuery): Promise<Resource[]> {
    const city = await this.sources.city(citySlug);
    if (!city) throw CityErrors.NOT_FOUND();
    const since = modifiedSince ? new Date(modifiedSince) : null;
    const series = (await this.sources.series(city.id, since)).map(seriesEntry);
    const stats = await this.sources.datasetStats(city.id, since);
    const offset = (page - 1) * CATALOG_PAGE_SIZE;
    const pageSeries = series.slice(offset, offset + CATALOG_PAGE_SIZE);
    const room = CATALOG_PAGE_SIZE - pageSeries.length;
    const datasets =
      room > 0 && stats.count > 0
        ? await this.sources.datasets(city.id, since, Math.max(0, offset - series.length), room)
        : [];
    const modified = [
      ...series.map((s) => s.modified),
      ...(stats.modified ? [stats.modified.toISOString()] : []),
    ]
      .sort()
      .at(-1);
    return buildCatalog({
      publicUrl: this.config.publicUrl,
      licence: this.config.publicReads.licenceUrl,
      city,
      series: pageSeries,
      datasets: datasets.map(datasetEntry),
      page: {
        number: page,
        size: CATALOG_PAGE_SIZE,
        total: series.length + stats.count,
        ...(modifiedSince && { modifiedSince }),
      },
      modified: modified ?? null,
    });
  }
}
