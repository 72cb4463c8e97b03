import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { rankRows } from '../../domain/ranking';
import type { ComparisonRow, PublishedDefinition } from '../../domain/comparison.types';
import { ComparisonDisclosure } from '../comparison-disclosure';
import { ComparisonResults } from '../comparison-results';
import { ComparisonView } from '../comparison.view';
import { GetComparisonQuery } from './get-comparison.query';

// The direction rows are ranked by: every comparable row shares the reference city's direction (a
// different direction is fatal to comparability), so any comparable row's city tells it.
function directionOf(
  rows: readonly ComparisonRow[],
  directions: Record<string, PublishedDefinition['direction']>,
): PublishedDefinition['direction'] {
  const comparable = rows.find((row) => row.comparability.comparable && directions[row.city]);
  return comparable ? directions[comparable.city] : 'neutral';
}

// One period of a framework code across the cities that published it for the audience. With `cities`,
// only those rows, ranked among themselves; their caveats stay as judged against every city. A value
// small-number suppression hides is blank and unranked, the others ranked without it.
@QueryHandler(GetComparisonQuery)
export class GetComparisonHandler implements IQueryHandler<GetComparisonQuery, ComparisonView> {
  constructor(
    private readonly results: ComparisonResults,
    private readonly disclosure: ComparisonDisclosure,
  ) {}

  async execute({ audience, filters }: GetComparisonQuery): Promise<ComparisonView> {
    const { framework, code, period, cities } = filters;
    const stored = await this.results.rows(audience, framework, code, period);
    if (stored === null) return { framework, code, period, computedAt: null, rows: [] };
    const wanted = cities === undefined ? null : new Set(cities);
    const kept = wanted ? stored.rows.filter((row) => wanted.has(row.city)) : stored.rows;
    const shown = await this.disclosure.rows(audience, stored.published, kept);
    const rows =
      shown.hidden || kept.length !== stored.rows.length
        ? rankRows(shown.rows, directionOf(shown.rows, stored.directions))
        : shown.rows;
    return { framework, code, period, computedAt: new Date(stored.computedAt).toISOString(), rows };
  }
}
