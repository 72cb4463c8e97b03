import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { parseSeriesKey, seriesKey } from '../../domain/observation-checks';
import { RequestErrors } from '../../domain/reporting.errors';
import { SERIES_PROJECTION } from '../../projections/series.projection';
import { SeriesPointView } from '../../reporting.view';
import { IndicatorSeriesQuery } from './indicator-series.query';

interface Row {
  startKey: string;
  endKey: string;
  period: string;
  periodId: string;
  submittedValue: number | null;
  submittedObservationStatus: string | null;
  validatedValue: number | null;
  validatedObservationStatus: string | null;
  status: string;
  late: boolean;
  series: number;
  disaggregation: Record<string, string>;
  submissionId: string;
  organisationId: string;
  outlier: { reason: string } | null;
}

// Periods missing from their read model sort last.
const START_KEY = `COALESCE(p.start, '9999-12-31'::date)`;
const END_KEY = `COALESCE(p."end", '9999-12-31'::date)`;

// One series key of an indicator over its periods, oldest first; paged by (start, end, period id).
@QueryHandler(IndicatorSeriesQuery)
export class IndicatorSeriesHandler implements IQueryHandler<IndicatorSeriesQuery, Page<SeriesPointView>> {
  constructor(
    private readonly db: TenantDb,
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
    const params: unknown[] = [cityId, indicatorId, seriesKey(disaggregation), validatedOnly];
    const keyset = keysetCondition([START_KEY, END_KEY, 's.period_id'], after, params);
    params.push(page.limit + 1);
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<Row[]>(
        `SELECT ${START_KEY}::text AS "startKey", ${END_KEY}::text AS "endKey", p.code AS period,
                s.period_id AS "periodId", s.submitted_value AS "submittedValue",
                s.submitted_observation_status AS "submittedObservationStatus",
                s.validated_value AS "validatedValue", s.validated_observation_status AS "validatedObservationStatus",
                s.status, s.late, s.series, s.disaggregation, s.submission_id AS "submissionId",
                s.organisation_id AS "organisationId", s.outlier
           FROM series s LEFT JOIN periods p ON p.tenant_id = s.tenant_id AND p.id = s.period_id
          WHERE s.tenant_id = $1 AND s.indicator_id = $2 AND s.disaggregation_key = $3
            AND ($4::bool IS FALSE OR s.validated_value IS NOT NULL)
            AND ${keyset}
          ORDER BY ${START_KEY}, ${END_KEY}, s.period_id
          LIMIT $${params.length}`,
        params,
      ),
    );
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

function toPoints(row: Row, validatedOnly: boolean): SeriesPointView[] {
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
