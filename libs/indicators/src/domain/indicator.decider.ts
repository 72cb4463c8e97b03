import { canonicalJson, DomainError } from '@rl/kernel';
import {
  DefinitionChanges,
  Disaggregation,
  IndicatorDefinition,
  IndicatorEvent,
  IndicatorStatus,
  LocalisedText,
  REDEFINABLE_FIELDS,
  RedefinableField,
} from './indicator.events';

export type IndicatorState =
  | { exists: false }
  | {
      exists: true;
      indicatorId: string;
      definition: IndicatorDefinition;
      status: IndicatorStatus;
      // Values are recorded under a series; a break (new unit or methodology while active) starts the next.
      series: number;
    };

export type DefinitionPatch = { [K in RedefinableField]?: IndicatorDefinition[K] | null };

export type IndicatorCommand =
  | { type: 'DefineIndicator'; indicatorId: string; definition: IndicatorDefinition; activate?: boolean }
  | { type: 'UpdateIndicator'; changes: DefinitionPatch; code?: string; status?: IndicatorStatus };

export const initialIndicatorState: IndicatorState = { exists: false };

const REQUIRED: readonly RedefinableField[] = [
  'name',
  'right',
  'type',
  'unit',
  'direction',
  'disaggregations',
  'frameworkRefs',
];
// A change of these on an active indicator makes earlier and later values incomparable.
const SERIES_FIELDS: readonly RedefinableField[] = ['unit', 'methodology'];

const fold = (text: string) => text.trim().replace(/\s+/g, ' ');
const foldText = (text: LocalisedText): LocalisedText =>
  Object.fromEntries(Object.entries(text).map(([locale, value]) => [locale, fold(value)]));

// Key order does not matter for equality; array order does.
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

const invalid = (field: string, message: string) =>
  new DomainError('bad_request', 'INDICATOR.INVALID_DEFINITION', `${field} ${message}`, [{ field, message }]);

function checkDisaggregations(disaggregations: Disaggregation[]): Disaggregation[] {
  const seen = new Set<string>();
  return disaggregations.map(({ dimension, values }, i) => {
    const name = dimension.trim();
    if (seen.has(name)) throw invalid(`disaggregations.${i}.dimension`, `"${name}" is declared twice`);
    seen.add(name);
    const folded = values.map((v) => v.trim());
    const twice = folded.find((v, j) => folded.indexOf(v) !== j);
    if (twice !== undefined) throw invalid(`disaggregations.${i}.values`, `"${twice}" is listed twice`);
    return { dimension: name, values: folded };
  });
}

// Folds white space in texts and checks rules that span fields.
function normaliseField<K extends RedefinableField>(
  field: K,
  value: IndicatorDefinition[K] | null | undefined,
): IndicatorDefinition[K] | undefined {
  if (value === null || value === undefined) return undefined;
  switch (field) {
    case 'name':
    case 'description':
      return foldText(value as LocalisedText) as IndicatorDefinition[K];
    case 'disaggregations':
      return checkDisaggregations(value as Disaggregation[]) as IndicatorDefinition[K];
    case 'right':
    case 'ohchrAttribute':
    case 'unit':
    case 'methodology':
    case 'source':
      return (value as string).trim() as IndicatorDefinition[K];
    case 'type':
    case 'direction':
    case 'frameworkRefs':
    case 'baseline':
    case 'target':
      return value;
  }
}

function normaliseDefinition(definition: IndicatorDefinition): IndicatorDefinition {
  const result: Record<string, unknown> = { code: definition.code.trim() };
  for (const field of REDEFINABLE_FIELDS) {
    const value = normaliseField(field, definition[field]);
    if (value !== undefined) result[field] = value;
  }
  return result as unknown as IndicatorDefinition;
}

const notFound = () => new DomainError('not_found', 'INDICATOR.NOT_FOUND', 'No such indicator');

function transition(from: IndicatorStatus, to: IndicatorStatus, indicatorId: string): IndicatorEvent[] {
  if (from === to) return [];
  if (to === 'active' && from === 'draft') return [{ type: 'IndicatorActivated', data: { indicatorId } }];
  if (to === 'retired') return [{ type: 'IndicatorRetired', data: { indicatorId } }];
  throw new DomainError(
    'invalid',
    'INDICATOR.INVALID_TRANSITION',
    `An indicator cannot go from ${from} to ${to}`,
    [{ field: 'status', message: `cannot go from ${from} to ${to}` }],
  );
}

export function decideIndicator(command: IndicatorCommand, state: IndicatorState): IndicatorEvent[] {
  switch (command.type) {
    case 'DefineIndicator': {
      if (state.exists) {
        throw new DomainError('conflict', 'INDICATOR.ALREADY_EXISTS', 'This indicator is already defined');
      }
      const { indicatorId } = command;
      const events: IndicatorEvent[] = [
        {
          type: 'IndicatorDefined',
          data: { indicatorId, definition: normaliseDefinition(command.definition) },
        },
      ];
      if (command.activate) events.push({ type: 'IndicatorActivated', data: { indicatorId } });
      return events;
    }
    case 'UpdateIndicator': {
      if (!state.exists) throw notFound();
      const { indicatorId, definition } = state;
      // Retired is final: no way back, and no more changes.
      if (state.status === 'retired') {
        if (command.status !== undefined) transition('retired', command.status, indicatorId);
        const changing = REDEFINABLE_FIELDS.some((f) => command.changes[f] !== undefined);
        if (changing) {
          throw new DomainError('invalid', 'INDICATOR.RETIRED', 'A retired indicator cannot change');
        }
        return [];
      }
      if (command.code !== undefined && command.code.trim() !== definition.code) {
        throw new DomainError(
          'invalid',
          'INDICATOR.CODE_IMMUTABLE',
          'The code of an indicator cannot change; define a new indicator instead',
          [{ field: 'code', message: 'cannot change' }],
        );
      }
      const changes: DefinitionChanges = {};
      for (const field of REDEFINABLE_FIELDS) {
        if (!(field in command.changes)) continue;
        const given = command.changes[field];
        if (given === undefined) continue;
        if (given === null && REQUIRED.includes(field)) throw invalid(field, 'is required');
        const after = normaliseField(field, given);
        const before = definition[field];
        if (same(before, after)) continue;
        (changes as Record<string, unknown>)[field] = { before: before ?? null, after: after ?? null };
      }
      const events: IndicatorEvent[] = [];
      if (Object.keys(changes).length > 0) {
        const seriesBreak =
          state.status === 'active' && SERIES_FIELDS.some((field) => changes[field] !== undefined);
        events.push({
          type: 'IndicatorRedefined',
          data: {
            indicatorId,
            changes,
            seriesBreak,
            series: seriesBreak ? state.series + 1 : state.series,
          },
        });
      }
      if (command.status !== undefined) {
        events.push(...transition(state.status, command.status, indicatorId));
      }
      return events;
    }
  }
}

export function evolveIndicator(state: IndicatorState, event: IndicatorEvent): IndicatorState {
  switch (event.type) {
    case 'IndicatorDefined':
      return {
        exists: true,
        indicatorId: event.data.indicatorId,
        definition: event.data.definition,
        status: 'draft',
        series: 1,
      };
    case 'IndicatorRedefined': {
      if (!state.exists) return state;
      const definition: Record<string, unknown> = { ...state.definition };
      for (const [field, change] of Object.entries(event.data.changes)) {
        if (change.after === null) delete definition[field];
        else definition[field] = change.after;
      }
      return {
        ...state,
        definition: definition as unknown as IndicatorDefinition,
        series: event.data.series,
      };
    }
    case 'IndicatorActivated':
      return state.exists ? { ...state, status: 'active' } : state;
    case 'IndicatorRetired':
      return state.exists ? { ...state, status: 'retired' } : state;
  }
}
