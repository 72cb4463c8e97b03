import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { INDICATOR_EVENT_TYPES, IndicatorDefinition, IndicatorEvent } from '../domain/indicator.events';
import { IndicatorRecord } from './indicator.entity';

export type IndicatorRow = Omit<IndicatorRecord, 'tenantId'>;

export const INDICATOR_CATALOG_PROJECTION = 'indicator-catalog';

type DefinitionColumns = Omit<
  IndicatorRow,
  'id' | 'status' | 'series' | 'version' | 'createdAt' | 'updatedAt'
>;

// Optional fields of a definition are absent from the event and NULL in the row (and in the view).
export const definitionColumns = (d: IndicatorDefinition): DefinitionColumns => ({
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
  terms: d.terms ?? [],
});

// A field after a redefinition: its new value where it changed (null: an optional field cleared). The
// decider never clears a required field.
type Change<T> = { after: T | null | undefined } | undefined;
const required = <T>(change: Change<T>, current: T): T => change?.after ?? current;
const optional = <T>(change: Change<T>, current: T | null): T | null =>
  change ? (change.after ?? null) : current;

export function evolveIndicatorRow(
  row: IndicatorRow | undefined,
  event: RecordedEvent<IndicatorEvent>,
): IndicatorRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'IndicatorDefined': {
      const { indicatorId, definition } = event.data;
      const created = { createdAt: event.recordedAt, ...stamp };
      return { id: indicatorId, ...definitionColumns(definition), status: 'draft', series: 1, ...created };
    }
    case 'IndicatorRedefined': {
      if (!row) return undefined;
      const { changes: c, series } = event.data;
      return {
        ...row,
        name: required(c.name, row.name),
        description: optional(c.description, row.description),
        right: required(c.right, row.right),
        ohchrAttribute: optional(c.ohchrAttribute, row.ohchrAttribute),
        type: required(c.type, row.type),
        unit: required(c.unit, row.unit),
        direction: required(c.direction, row.direction),
        disaggregations: required(c.disaggregations, row.disaggregations),
        frameworkRefs: required(c.frameworkRefs, row.frameworkRefs),
        methodology: optional(c.methodology, row.methodology),
        source: optional(c.source, row.source),
        baseline: optional(c.baseline, row.baseline),
        target: optional(c.target, row.target),
        terms: optional(c.terms, row.terms) ?? [],
        series,
        ...stamp,
      };
    }
    case 'IndicatorActivated':
      return row && { ...row, status: 'active', ...stamp };
    case 'IndicatorRetired':
      return row && { ...row, status: 'retired', ...stamp };
  }
}

@Injectable()
@ProjectionDefinition()
export class IndicatorCatalogProjection extends rowProjection<IndicatorRow, IndicatorEvent>({
  name: INDICATOR_CATALOG_PROJECTION,
  table: 'indicators',
  handles: INDICATOR_EVENT_TYPES,
  columns: {
    id: 'uuid',
    code: 'text',
    name: 'jsonb',
    description: 'jsonb',
    right: 'text',
    ohchrAttribute: 'text',
    type: 'text',
    unit: 'text',
    direction: 'text',
    disaggregations: 'jsonb',
    frameworkRefs: 'jsonb',
    methodology: 'text',
    source: 'text',
    baseline: 'jsonb',
    target: 'jsonb',
    terms: 'jsonb',
    status: 'text',
    series: 'int',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.indicatorId],
  version: 'version',
  evolve: evolveIndicatorRow,
}) {}
