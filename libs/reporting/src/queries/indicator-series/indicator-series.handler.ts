import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { parseSeriesKey, seriesKey } from '../../domain/observation-checks';
import { RequestErrors } from '../../domain/reporting.errors';
import { SeriesRow, SubmissionsReadModel } from '../../persistence/submissions.repository';
import { SERIES_PROJECTION } from '../../projections/series.projection';
import { SeriesPointView } from '../../reporting.view';
import { IndicatorSeriesQuery } from './indicator-series.query';

// One series key of an indicator over its periods, oldest first; paged by (start, end, period id).
@QueryHandler(IndicatorSeriesQuery)
export class IndicatorSeriesHandler implements IQueryHandler<IndicatorSeriesQuery, Page<SeriesPointView>> {
  constructor(
    private readonly submissions: SubmissionsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({
    cityId,
    indicatorId,
    options,
    page,
  }: IndicatorSeriesQuery): Promise<Page<SeriesPointView>> {
    const after = cursorOf(page, ['date', 'date', 'uuid']);
    const disaggregation = parseSeriesKey(options.disaggregation);
    if (disaggregation === null) {
      throw RequestErrors.INVALID({
        message: 'Invalid disaggregation filter',
        errors: [{ field: 'disaggregation', message: 'must be dimension:value pairs separated by commas' }],
      });
    }
    await this.waiter.waitFor(cityId, SERIES_PROJECTION, options.minPosition);
    const validatedOnly = options.status === 'validated';
    const where = { indicatorId, key: seriesKey(disaggregation), validatedOnly };
    const rows = await this.submissions.series(cityId, where, after, page.limit);
    // The cursor follows the rows read, so a page may hold fewer points than rows (those without a value).
    const { items, next } = pageOf(
      rows,
      page.limit,
      (row) => [row.startKey, row.endKey, row.periodId],
      (row) => row,
    );
    return { items: items.flatMap((row) => toPoints(row, validatedOnly)), next };
  }
}

function toPoints(row: SeriesRow, validatedOnly: boolean): SeriesPointView[] {
  const value = validatedOnly ? row.validatedValue : (row.submittedValue ?? row.validatedValue);
  if (value === null) return [];
  return [
    {
      period: row.period,
      periodId: row.periodId,
      value: Number(value),
      status: validatedOnly ? 'validated' : row.status,
      observationStatus:
        (validatedOnly ? row.validatedObservationStatus : row.submittedObservationStatus) ??
        row.validatedObservationStatus ??
        'normal',
      late: row.late,
      series: row.series,
      disaggregation: row.disaggregation,
      submissionId: row.submissionId,
      organisationId: row.organisationId,
      ...(row.outlier && { outlier: row.outlier }),
    },
  ];
}
