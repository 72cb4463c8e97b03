import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { IndicatorEvent } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { PeriodEvent, SubmissionEvent } from '@rl/reporting';
import { ComparisonsEvent } from '../domain/comparisons.events';
import type { LinkedTerm } from '../domain/comparison.types';
import { republish } from './publication.republish';
import { indicatorsLinking, linkedTerms, TermMatched, withMatch } from './publication.terms';

type Handled = IndicatorEvent | PeriodEvent | SubmissionEvent | ComparisonsEvent | TermMatched;

interface Definition {
  indicatorCode: string;
  name: string;
  description: string | null;
  unit: string;
  direction: string;
  methodology: string | null;
  dimensions: string[];
  series: number;
  target: { value: number; year?: number } | null;
  // Absent in definitions kept before indicators linked glossary terms.
  terms?: LinkedTerm[];
}

interface IndicatorState {
  definition: Definition;
  frameworkRefs: string[];
  retired: boolean;
  comparable: boolean;
  public: boolean;
}

const GRANULARITY: Record<string, string> = {
  year: 'year',
  quarter: 'quarter',
  month: 'month',
  year_span: 'span',
};

// The English text if there is one (framework codes are matched across languages; texts are compared
// as a hint that definitions differ), else the first language given.
const text = (localised: Record<string, string> | null | undefined): string | null =>
  localised ? (localised.en ?? Object.values(localised)[0] ?? null) : null;

export const PUBLICATION_PROJECTION = 'publication';

// A city's publication: keeps the city's indicator definitions, publication flags, periods, validated
// headline values and reference population (tenant-private tables), and from them the rows of the
// shared published_* tables — only for indicators the city made comparable or public, only validated
// values. Unpublishing deletes them. Then marks the comparisons of the framework codes concerned dirty
// (comparison_dirty, in this transaction); the comparison-wakeups reactor wakes them once it commits.
@Injectable()
@ProjectionDefinition()
export class PublicationProjection implements Projection {
  readonly name = PUBLICATION_PROJECTION;
  readonly handles = [
    'IndicatorDefined',
    'IndicatorRedefined',
    'IndicatorActivated',
    'IndicatorRetired',
    'PublicationChanged',
    'PeriodDefined',
    'SubmissionValidated',
    'ReferencePopulationSet',
    // An exactMatch between two cities' terms can lift the TERMS_DIFFER caveat of their indicators.
    'GlossaryTermMatched',
  ];
  readonly tables = [
    'publication_indicators',
    'publication_periods',
    'publication_values',
    'publication_population',
    'published_indicators',
    'published_values',
    'published_population',
  ];
  readonly replay = { alsoWrites: ['comparison_dirty'] };

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const indicators = await this.loadIndicators(em, cityId, events);
    const touched = new Set<string>();
    let populationChanged = false;
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as Handled;
      switch (event.type) {
        case 'IndicatorDefined': {
          const d = event.data.definition;
          indicators.set(event.data.indicatorId, {
            definition: {
              indicatorCode: d.code,
              name: text(d.name) ?? d.code,
              description: text(d.description),
              unit: d.unit,
              direction: d.direction,
              methodology: d.methodology ?? null,
              dimensions: d.disaggregations.map((x) => x.dimension),
              series: 1,
              target: d.target ?? null,
              terms: await linkedTerms(em, cityId, d.terms ?? [], recorded.position),
            },
            frameworkRefs: d.frameworkRefs.map((r) => `${r.framework}:${r.code}`),
            retired: false,
            comparable: false,
            public: false,
          });
          touched.add(event.data.indicatorId);
          break;
        }
        case 'IndicatorRedefined': {
          const state = indicators.get(event.data.indicatorId);
          if (!state) break;
          const c = event.data.changes;
          const def = state.definition;
          if (c.name) def.name = text(c.name.after) ?? def.name;
          if (c.description) def.description = text(c.description.after);
          if (c.unit?.after) def.unit = c.unit.after;
          if (c.direction?.after) def.direction = c.direction.after;
          if (c.methodology) def.methodology = c.methodology.after ?? null;
          if (c.disaggregations) def.dimensions = (c.disaggregations.after ?? []).map((x) => x.dimension);
          if (c.target) def.target = c.target.after ?? null;
          if (c.terms) def.terms = await linkedTerms(em, cityId, c.terms.after ?? [], recorded.position);
          if (c.frameworkRefs)
            state.frameworkRefs = (c.frameworkRefs.after ?? []).map((r) => `${r.framework}:${r.code}`);
          def.series = event.data.series;
          touched.add(event.data.indicatorId);
          break;
        }
        case 'IndicatorActivated':
        case 'IndicatorRetired': {
          const state = indicators.get(event.data.indicatorId);
          if (!state) break;
          state.retired = event.type === 'IndicatorRetired';
          touched.add(event.data.indicatorId);
          break;
        }
        case 'PublicationChanged': {
          const state = indicators.get(event.data.indicatorId);
          if (!state) break;
          state.comparable = event.data.comparable;
          state.public = event.data.public;
          touched.add(event.data.indicatorId);
          break;
        }
        case 'PeriodDefined':
          await em.query(
            `INSERT INTO publication_periods (tenant_id, period_id, code, granularity, year) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (tenant_id, period_id) DO NOTHING`,
            [
              cityId,
              event.data.periodId,
              event.data.code,
              GRANULARITY[event.data.granularity],
              Number(event.data.start.slice(0, 4)),
            ],
          );
          break;
        case 'SubmissionValidated': {
          const total = event.data.observations.find((o) => o.key === '');
          if (!total) break;
          await em.query(
            `INSERT INTO publication_values (tenant_id, indicator_id, period_id, value, status, series)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (tenant_id, indicator_id, period_id) DO UPDATE
               SET value = EXCLUDED.value, status = EXCLUDED.status, series = EXCLUDED.series`,
            [
              cityId,
              event.data.indicatorId,
              event.data.periodId,
              total.value,
              total.status,
              event.data.series,
            ],
          );
          touched.add(event.data.indicatorId);
          break;
        }
        case 'ReferencePopulationSet':
          await em.query(
            `INSERT INTO publication_population (tenant_id, year, total, districts) VALUES ($1, $2, $3, $4)
             ON CONFLICT (tenant_id, year) DO UPDATE SET total = EXCLUDED.total, districts = EXCLUDED.districts`,
            [cityId, event.data.year, event.data.total, event.data.districts],
          );
          populationChanged = true;
          break;
        case 'GlossaryTermMatched':
          for (const [id, state] of indicators) {
            const terms = withMatch(state.definition.terms ?? [], event.data);
            if (!terms) continue;
            state.definition.terms = terms;
            touched.add(id);
          }
          break;
        case 'PeriodDeadlineMoved':
        case 'SubmissionSubmitted':
        case 'SubmissionCorrected':
        case 'SubmissionReturned':
          break;
      }
    }
    await this.saveIndicators(em, cityId, indicators, touched);
    await republish(em, cityId, [...touched], populationChanged);
  }

  // The indicators the events name, and those linking a term the events match.
  private async loadIndicators(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]) {
    const matched = events.flatMap((e) =>
      e.type === 'GlossaryTermMatched' ? [(e.data as TermMatched['data']).termId] : [],
    );
    const ids = [
      ...new Set([
        ...events.map((e) => (e.data as { indicatorId?: string }).indicatorId).filter(Boolean),
        ...(await indicatorsLinking(em, cityId, matched)),
      ]),
    ];
    const rows = await em.query<(IndicatorState & { indicatorId: string })[]>(
      `SELECT indicator_id AS "indicatorId", definition, framework_refs AS "frameworkRefs", retired, comparable, public
         FROM publication_indicators WHERE tenant_id = $1 AND indicator_id = ANY($2::uuid[])`,
      [cityId, ids],
    );
    return new Map<string, IndicatorState>(rows.map(({ indicatorId, ...state }) => [indicatorId, state]));
  }

  private async saveIndicators(
    em: EntityManager,
    cityId: CityId,
    indicators: Map<string, IndicatorState>,
    touched: Set<string>,
  ) {
    const rows = [...touched]
      .filter((id) => indicators.has(id))
      .map((id) => ({ id, ...(indicators.get(id) as IndicatorState) }));
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO publication_indicators (tenant_id, indicator_id, definition, framework_refs, retired, comparable, public)
       SELECT $1, id, d, string_to_array(r, '|'), ret, c, p
         FROM unnest($2::uuid[], $3::jsonb[], $4::text[], $5::boolean[], $6::boolean[], $7::boolean[]) AS x(id, d, r, ret, c, p)
       ON CONFLICT (tenant_id, indicator_id) DO UPDATE
         SET definition = EXCLUDED.definition, framework_refs = EXCLUDED.framework_refs, retired = EXCLUDED.retired,
             comparable = EXCLUDED.comparable, public = EXCLUDED.public`,
      [
        cityId,
        rows.map((r) => r.id),
        rows.map((r) => JSON.stringify(r.definition)),
        rows.map((r) => r.frameworkRefs.join('|')),
        rows.map((r) => r.retired),
        rows.map((r) => r.comparable),
        rows.map((r) => r.public),
      ],
    );
  }
}
