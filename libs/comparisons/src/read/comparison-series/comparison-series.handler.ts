import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RequestErrors } from '../../domain/comparison.errors';
import { compareSeries } from '../../domain/series';
import { ComparisonDisclosure } from '../comparison-disclosure';
import { ComparisonResults, onlyCities } from '../comparison-results';
import { ComparisonSeriesView } from '../comparison.view';
import { ComparisonSeriesQuery } from './comparison-series.query';

// Several cities' series of one framework code side by side (yearly and year-span periods, lined up by
// first year), compared among the cities shown; points small-number suppression hides are gaps (Q).
@QueryHandler(ComparisonSeriesQuery)
export class ComparisonSeriesHandler implements IQueryHandler<ComparisonSeriesQuery, ComparisonSeriesView> {
  constructor(
    private readonly results: ComparisonResults,
    private readonly disclosure: ComparisonDisclosure,
  ) {}

  async execute({ audience, filters }: ComparisonSeriesQuery): Promise<ComparisonSeriesView> {
    const { framework, code, cities, from, to } = filters;
    if (from !== undefined && to !== undefined && from > to)
      throw RequestErrors.INVALID({
        message: 'Invalid request: from',
        errors: [{ field: 'from', message: 'from must not be after to' }],
      });
    const range = { framework, code, from: from ?? null, to: to ?? null };
    const stored = await this.results.snapshot(audience, framework, code);
    if (stored === null) return { ...range, computedAt: null, periods: [], cities: [] };
    const snapshot = onlyCities(stored, cities);
    const series = await this.disclosure.seriesOf(
      audience,
      snapshot.definitions,
      compareSeries({ ...snapshot, fromYear: from, toYear: to }),
    );
    return { ...range, computedAt: new Date(stored.computedAt).toISOString(), ...series };
  }
}
