import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { indicatorDecider, IndicatorState } from '../domain/indicator.decider';
import { INDICATOR_EVENT_TYPES, IndicatorDefinition, IndicatorEvent } from '../domain/indicator.events';
import { IndicatorRecord } from './indicator.entity';

type Row = Omit<IndicatorRecord, 'tenantId'>;

export const INDICATOR_CATALOG_PROJECTION = 'indicator-catalog';

const COLUMNS = `id, code, name, description, "right", ohchr_attribute AS "ohchrAttribute", type, unit, direction,
  disaggregations, framework_refs AS "frameworkRefs", methodology, source, baseline, target, status, series,
  version, created_at AS "createdAt", updated_at AS "updatedAt"`;

export const rowToState = (row: Row): IndicatorState => {
  const definition: Record<string, unknown> = {
    code: row.code,
    name: row.name,
    right: row.right,
    type: row.type,
    unit: row.unit,
    direction: row.direction,
    disaggregations: row.disaggregations,
    frameworkRefs: row.frameworkRefs,
  };
  for (const field of [
    'description',
    'ohchrAttribute',
    'methodology',
    'source',
    'baseline',
    'target',
  ] as const) {
    if (row[field] !== null && row[field] !== undefined) definition[field] = row[field];
  }
  return {
    exists: true,
    indicatorId: row.id,
    definition: definition as unknown as IndicatorDefinition,
    status: row.status,
    series: row.series,
  };
};

// Folds a batch per indicator in memory and writes each touched row once (one upsert per batch).
@Injectable()
@ProjectionDefinition()
export class IndicatorCatalogProjection implements Projection {
  readonly name = INDICATOR_CATALOG_PROJECTION;
  readonly handles = INDICATOR_EVENT_TYPES;
  readonly tables = ['indicators'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as IndicatorEvent['data']).indicatorId))];
    const existing = await em.query<Row[]>(
      `SELECT ${COLUMNS} FROM indicators WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [cityId, ids],
    );
    const rows = new Map<string, Row>(existing.map((row) => [row.id, row]));
    const changed = new Set<string>();
    for (const event of events) {
      const id = (event.data as IndicatorEvent['data']).indicatorId;
      const row = rows.get(id);
      // Idempotent: an event this row already reflects (a replay) changes nothing.
      if (row && event.version <= row.version) continue;
      const before: IndicatorState = row ? rowToState(row) : { exists: false };
      const after = indicatorDecider.evolve(before, event as unknown as IndicatorEvent);
      if (!after.exists) continue;
      changed.add(id);
      const d = after.definition;
      rows.set(id, {
        id,
        code: d.code,
        name: d.name,
        description: d.description ?? null,
        right: d.right,
        ohchrAttribute: d.ohchrAttribute ?? null,
        type: d.type,
        unit: d.unit,
        direction: d.direction,
        disaggregations: d.disaggregations,
        frameworkRefs: d.frameworkRefs,
        methodology: d.methodology ?? null,
        source: d.source ?? null,
        baseline: d.baseline ?? null,
        target: d.target ?? null,
        status: after.status,
        series: after.series,
        version: event.version,
        createdAt: row?.createdAt ?? event.recordedAt,
        updatedAt: event.recordedAt,
      });
    }
    if (changed.size === 0) return;
    const written = [...changed].map((id) => rows.get(id) as Row);
    await em.query(
      `INSERT INTO indicators (tenant_id, id, code, name, description, "right", ohchr_attribute, type, unit,
         direction, disaggregations, framework_refs, methodology, source, baseline, target, status, series,
         version, created_at, updated_at)
       SELECT $1, r.id, r.code, r.name, r.description, r."right", r."ohchrAttribute", r.type, r.unit,
         r.direction, r.disaggregations, r."frameworkRefs", r.methodology, r.source, r.baseline, r.target,
         r.status, r.series, r.version, r."createdAt", r."updatedAt"
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, code text, name jsonb, description jsonb, "right" text,
         "ohchrAttribute" text, type text, unit text, direction text, disaggregations jsonb, "frameworkRefs" jsonb,
         methodology text, source text, baseline jsonb, target jsonb, status text, series int, version int,
         "createdAt" timestamptz, "updatedAt" timestamptz)
       ON CONFLICT (tenant_id, id) DO UPDATE
         SET name = EXCLUDED.name, description = EXCLUDED.description, "right" = EXCLUDED."right",
           ohchr_attribute = EXCLUDED.ohchr_attribute, type = EXCLUDED.type, unit = EXCLUDED.unit,
           direction = EXCLUDED.direction, disaggregations = EXCLUDED.disaggregations,
           framework_refs = EXCLUDED.framework_refs, methodology = EXCLUDED.methodology,
           source = EXCLUDED.source, baseline = EXCLUDED.baseline, target = EXCLUDED.target,
           status = EXCLUDED.status, series = EXCLUDED.series, version = EXCLUDED.version,
           updated_at = EXCLUDED.updated_at
         WHERE indicators.version < EXCLUDED.version`,
      [cityId, JSON.stringify(written)],
    );
  }
}
