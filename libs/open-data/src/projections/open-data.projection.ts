import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { PeriodEvent, SubmissionEvent } from '@rl/reporting';
import { DisclosureEvent } from '../domain/disclosure.events';
import { SdmxMappingEvent } from '../domain/sdmx-mapping.events';

type Handled =
  | PeriodEvent
  | SubmissionEvent
  | DisclosureEvent
  | SdmxMappingEvent
  // @rl/comparisons' event, by its recorded shape (that library reads this one's suppression).
  | { type: 'PublicationChanged'; data: { indicatorId: string; comparable: boolean; public: boolean } }
  | { type: 'IndicatorActivated' | 'IndicatorRetired'; data: { indicatorId: string } };

export const OPEN_DATA_PROJECTION = 'open-data';

// Every validated cell of a city's indicators (tenant-private), and from them published_observations:
// the cells of indicators that are comparable or public and not retired. A later validation of the
// same indicator and period supersedes all its cells; unpublishing deletes the shared rows. The
// published cells are stored unsuppressed: members see them, and every public output suppresses small
// numbers as it reads them, under the indicator's rule (published_disclosure_rules).
@Injectable()
@ProjectionDefinition()
export class OpenDataProjection implements Projection {
  readonly name = OPEN_DATA_PROJECTION;
  readonly handles = [
    'IndicatorActivated',
    'IndicatorRetired',
    'PublicationChanged',
    'PeriodDefined',
    'SubmissionSubmitted',
    'SubmissionCorrected',
    'SubmissionValidated',
    'DisclosureRuleSet',
    'SdmxMappingSet',
  ];
  readonly tables = [
    'open_data_periods',
    'open_data_submissions',
    'open_data_indicators',
    'open_data_observations',
    'published_observations',
    'published_disclosure_rules',
    'published_sdmx_mappings',
  ];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const touched = new Set<string>();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as Handled;
      switch (event.type) {
        case 'PeriodDefined':
          await em.query(
            `INSERT INTO open_data_periods (tenant_id, period_id, code) VALUES ($1, $2, $3)
             ON CONFLICT (tenant_id, period_id) DO NOTHING`,
            [cityId, event.data.periodId, event.data.code],
          );
          break;
        case 'SubmissionSubmitted':
        case 'SubmissionCorrected':
          await em.query(
            `INSERT INTO open_data_submissions (tenant_id, submission_id, definition_version, source)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (tenant_id, submission_id) DO UPDATE
               SET definition_version = EXCLUDED.definition_version,
                   source = COALESCE(EXCLUDED.source, open_data_submissions.source)`,
            [
              cityId,
              event.data.submissionId,
              event.data.definitionVersion,
              'source' in event.data ? (event.data.source ?? null) : null,
            ],
          );
          break;
        case 'SubmissionValidated':
          await this.validated(em, cityId, event.data);
          touched.add(event.data.indicatorId);
          break;
        case 'PublicationChanged':
        case 'IndicatorActivated':
        case 'IndicatorRetired': {
          const flags =
            event.type === 'PublicationChanged'
              ? { comparable: event.data.comparable, public: event.data.public }
              : { retired: event.type === 'IndicatorRetired' };
          await em.query(
            `INSERT INTO open_data_indicators (tenant_id, indicator_id, comparable, public, retired)
             VALUES ($1, $2, COALESCE($3, false), COALESCE($4, false), COALESCE($5, false))
             ON CONFLICT (tenant_id, indicator_id) DO UPDATE
               SET comparable = COALESCE($3, open_data_indicators.comparable),
                   public = COALESCE($4, open_data_indicators.public),
                   retired = COALESCE($5, open_data_indicators.retired)`,
            [
              cityId,
              event.data.indicatorId,
              flags.comparable ?? null,
              flags.public ?? null,
              flags.retired ?? null,
            ],
          );
          touched.add(event.data.indicatorId);
          break;
        }
        case 'DisclosureRuleSet':
          await em.query(
            `INSERT INTO published_disclosure_rules (tenant_id, indicator_id, min_count, secondary) VALUES ($1, $2, $3, $4)
             ON CONFLICT (tenant_id, indicator_id) DO UPDATE
               SET min_count = EXCLUDED.min_count, secondary = EXCLUDED.secondary`,
            [cityId, event.data.indicatorId, event.data.minCount, event.data.secondary],
          );
          break;
        case 'SdmxMappingSet':
          await em.query(
            `INSERT INTO published_sdmx_mappings (tenant_id, indicator_id, mapping) VALUES ($1, $2, $3)
             ON CONFLICT (tenant_id, indicator_id) DO UPDATE SET mapping = EXCLUDED.mapping`,
            [cityId, event.data.indicatorId, event.data.mapping],
          );
          break;
        case 'PeriodDeadlineMoved':
        case 'SubmissionReturned':
          break;
      }
    }
    await this.republish(em, cityId, [...touched]);
  }

  private async validated(
    em: EntityManager,
    cityId: CityId,
    data: Extract<SubmissionEvent, { type: 'SubmissionValidated' }>['data'],
  ): Promise<void> {
    const [period] = await em.query<{ code: string }[]>(
      `SELECT code FROM open_data_periods WHERE tenant_id = $1 AND period_id = $2`,
      [cityId, data.periodId],
    );
    if (!period) return;
    await em.query(
      `DELETE FROM open_data_observations WHERE tenant_id = $1 AND indicator_id = $2 AND period = $3`,
      [cityId, data.indicatorId, period.code],
    );
    const o = data.observations;
    await em.query(
      `INSERT INTO open_data_observations
         (tenant_id, indicator_id, period, key, disaggregation, value, status, definition_version, series, source)
       SELECT $1, $2, $3, k, d, v, st, COALESCE(s.definition_version, 1), $4, s.source
         FROM unnest($5::text[], $6::jsonb[], $7::float8[], $8::text[]) AS x(k, d, v, st)
         LEFT JOIN open_data_submissions s ON s.tenant_id = $1 AND s.submission_id = $9
       ON CONFLICT DO NOTHING`,
      [
        cityId,
        data.indicatorId,
        period.code,
        data.series,
        o.map((x) => x.key),
        o.map((x) => JSON.stringify(x.disaggregation)),
        o.map((x) => x.value),
        o.map((x) => x.status),
        data.submissionId,
      ],
    );
  }

  private async republish(em: EntityManager, cityId: CityId, touched: string[]): Promise<void> {
    if (touched.length === 0) return;
    await em.query(
      `DELETE FROM published_observations WHERE tenant_id = $1 AND indicator_id = ANY($2::uuid[])`,
      [cityId, touched],
    );
    await em.query(
      `INSERT INTO published_observations
         (tenant_id, indicator_id, period, key, disaggregation, value, status, definition_version, series, source,
          comparable, public)
       SELECT o.tenant_id, o.indicator_id, o.period, o.key, o.disaggregation, o.value, o.status, o.definition_version,
              o.series, o.source, i.comparable, i.public
         FROM open_data_observations o
         JOIN open_data_indicators i ON i.tenant_id = o.tenant_id AND i.indicator_id = o.indicator_id
        WHERE o.tenant_id = $1 AND o.indicator_id = ANY($2::uuid[]) AND NOT i.retired AND (i.comparable OR i.public)`,
      [cityId, touched],
    );
  }
}
