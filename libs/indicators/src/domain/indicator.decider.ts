import { canonicalJson, Decider } from '@rl/kernel';
import { IndicatorErrors } from './indicator.errors';
import {
  DefinitionChanges,
  Disaggregation,
  IndicatorDefinition,
  INDICATOR_EVENT_TYPES,
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

type FieldPatch = { [K in RedefinableField]?: IndicatorDefinition[K] | null };
// A plain string as name or description is the text in the city's default locale.
export type DefinitionPatch = Omit<FieldPatch, 'name' | 'description'> & {
  name?: LocalisedText | string | null;
  description?: LocalisedText | string | null;
};

export type DefineIndicator = {
  type: 'DefineIndicator';
  indicatorId: string;
  definition: IndicatorDefinition;
  activate?: boolean;
};
export type UpdateIndicator = {
  type: 'UpdateIndicator';
  changes: DefinitionPatch;
  code?: string;
  status?: IndicatorStatus;
  // Needed when a text is a plain string.
  defaultLocale?: string;
};
export type IndicatorCommand = DefineIndicator | UpdateIndicator;

const initialState = (): IndicatorState => ({ exists: false });

const REQUIRED = [
  'name',
  'right',
  'type',
  'unit',
  'direction',
  'disaggregations',
  'frameworkRefs',
] as const satisfies readonly RedefinableField[];
type RequiredField = (typeof REQUIRED)[number];
const isRequired = (field: RedefinableField): field is RequiredField =>
  (REQUIRED as readonly RedefinableField[]).includes(field);

// The definition's fields but its code, any of them absent.
type Fields = { [K in RedefinableField]?: IndicatorDefinition[K] };
// A change of these on an active indicator makes earlier and later values incomparable.
const SERIES_FIELDS: readonly RedefinableField[] = ['unit', 'methodology'];

const fold = (text: string) => text.trim().replace(/\s+/g, ' ');
const foldText = (text: LocalisedText): LocalisedText =>
  Object.fromEntries(Object.entries(text).map(([locale, value]) => [locale, fold(value)]));

// Key order does not matter for equality; array order does.
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

const invalid = (field: string, message: string) =>
  IndicatorErrors.INVALID_DEFINITION({ message: `${field} ${message}`, errors: [{ field, message }] });

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
    case 'terms':
      return [...new Set(value as string[])] as IndicatorDefinition[K];
    case 'type':
    case 'direction':
    case 'frameworkRefs':
    case 'baseline':
    case 'target':
      return value;
  }
}

// Sets a field, or removes it when absent.
function put<K extends RedefinableField>(
  fields: Fields,
  field: K,
  value: IndicatorDefinition[K] | undefined,
) {
  if (value === undefined) delete fields[field];
  else fields[field] = value;
}

const hasRequired = (fields: Fields): fields is Fields & Pick<IndicatorDefinition, RequiredField> =>
  REQUIRED.every((field) => fields[field] !== undefined);

function normaliseDefinition(definition: IndicatorDefinition): IndicatorDefinition {
  const fields: Fields = {};
  for (const field of REDEFINABLE_FIELDS) put(fields, field, normaliseField(field, definition[field]));
  if (!hasRequired(fields)) {
    throw invalid(REQUIRED.find((field) => fields[field] === undefined) ?? 'definition', 'is required');
  }
  return { code: definition.code.trim(), ...fields };
}

// decide never clears a required field; an event that did would leave the definition as it was.
function redefine(definition: IndicatorDefinition, changes: DefinitionChanges): IndicatorDefinition {
  const { code, ...before } = definition;
  const fields: Fields = { ...before };
  for (const field of REDEFINABLE_FIELDS) {
    const change = changes[field];
    if (change) put(fields, field, change.after ?? undefined);
  }
  return hasRequired(fields) ? { code, ...fields } : definition;
}

const nothingToChange = (command: UpdateIndicator) =>
  command.code === undefined &&
  command.status === undefined &&
  REDEFINABLE_FIELDS.every((field) => command.changes[field] === undefined);

function transition(from: IndicatorStatus, to: IndicatorStatus, indicatorId: string): IndicatorEvent[] {
  if (from === to) return [];
  if (to === 'active' && from === 'draft') return [{ type: 'IndicatorActivated', data: { indicatorId } }];
  if (to === 'retired') return [{ type: 'IndicatorRetired', data: { indicatorId } }];
  throw IndicatorErrors.INVALID_TRANSITION({
    message: `An indicator cannot go from ${from} to ${to}`,
    errors: [{ field: 'status', message: `cannot go from ${from} to ${to}` }],
  });
}

// A plain string changes the default-locale text and keeps the translations; an object replaces all.
function localised(
  { changes, defaultLocale = '' }: UpdateIndicator,
  before: IndicatorDefinition,
): FieldPatch {
  const text = (given: DefinitionPatch['name'], earlier: LocalisedText | undefined) =>
    typeof given === 'string' ? { ...earlier, [defaultLocale]: given } : given;
  const { name, description, ...rest } = changes;
  return {
    ...rest,
    ...(name !== undefined ? { name: text(name, before.name) } : {}),
    ...(description !== undefined ? { description: text(description, before.description) } : {}),
  };
}

function decide(command: IndicatorCommand, state: IndicatorState): IndicatorEvent[] {
  switch (command.type) {
    case 'DefineIndicator': {
      if (state.exists) throw IndicatorErrors.ALREADY_EXISTS();
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
      if (nothingToChange(command)) throw IndicatorErrors.NOTHING_TO_CHANGE();
      if (!state.exists) throw IndicatorErrors.NOT_FOUND();
      const { indicatorId, definition } = state;
      // Retired is final: no way back, and no more changes.
      if (state.status === 'retired') {
        if (command.status !== undefined) transition('retired', command.status, indicatorId);
        const changing = REDEFINABLE_FIELDS.some((f) => command.changes[f] !== undefined);
        if (changing) throw IndicatorErrors.RETIRED();
        return [];
      }
      if (command.code !== undefined && command.code.trim() !== definition.code) {
        throw IndicatorErrors.CODE_IMMUTABLE({ errors: [{ field: 'code', message: 'cannot change' }] });
      }
      const patch = localised(command, definition);
      const changes: DefinitionChanges = {};
      for (const field of REDEFINABLE_FIELDS) {
        if (!(field in patch)) continue;
        const given = patch[field];
        if (given === undefined) continue;
        if (given === null && isRequired(field)) throw invalid(field, 'is required');
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

function evolve(state: IndicatorState, event: IndicatorEvent): IndicatorState {
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
      return {
        ...state,
        definition: redefine(state.definition, event.data.changes),
        series: event.data.series,
      };
    }
    case 'IndicatorActivated':
      return state.exists ? { ...state, status: 'active' } : state;
    case 'IndicatorRetired':
      return state.exists ? { ...state, status: 'retired' } : state;
  }
}

export const indicatorDecider: Decider<IndicatorState, IndicatorCommand, IndicatorEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: INDICATOR_EVENT_TYPES,
};
