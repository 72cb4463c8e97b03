import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

// Far beyond any city's catalogue; bounds the offset a hostile page number would ask for.
export const MAX_CATALOG_PAGE = 100_000;

// A date, or a date and time (UTC when it names no offset), as harvesters send it.
const SINCE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const SINCE_MESSAGE =
  'modified_since must be an ISO 8601 date or date and time, such as 2025-03-01T10:00:00Z';

// Paging and filtering as ckanext-dcat's harvester asks for them.
export class CatalogQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CATALOG_PAGE, default: 1, description: '1-based page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CATALOG_PAGE)
  page?: number;

  @ApiPropertyOptional({
    description: 'Only the datasets modified at or after this instant',
    example: '2025-03-01T00:00:00Z',
  })
  @IsOptional()
  @Matches(SINCE, { message: SINCE_MESSAGE })
  @IsISO8601({ strict: true }, { message: SINCE_MESSAGE })
  modified_since?: string;
}

// The instant a harvester meant: a date or a time without an offset is UTC.
export function sinceInstant(since: string): string {
  if (since.length === 10) return `${since}T00:00:00Z`;
  return /(Z|[+-]\d{2}(:?\d{2})?)$/.test(since.slice(10)) ? since : `${since}Z`;
}
