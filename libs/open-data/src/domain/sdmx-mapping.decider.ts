import { Decider, FieldError } from '@rl/kernel';
import {
  BREAKDOWN_DIMENSIONS,
  SDMX_CODE_PATTERN,
  SDMX_DIMENSIONS_MAX,
  SDMX_LABEL_MAX,
  SDMX_VALUES_MAX,
  SdmxMapping,
} from './sdmx-mapping';
import { SdmxErrors } from './sdmx-mapping.errors';
import { SDMX_MAPPING_EVENT_TYPES, SdmxMappingEvent } from './sdmx-mapping.events';

export type SdmxMappingState = { mapping: SdmxMapping | null };

export type SetSdmxMapping = { type: 'SetSdmxMapping'; indicatorId: string; mapping: SdmxMapping };

// SDMX UNIT_MULT is a power of ten; the SDG code list goes from 0 to 9, negatives are allowed by SDMX.
const UNIT_MULT_LIMIT = 12;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// The local dimensions and values, bounded, each value mapped to a string (the DTO cannot type a map).
function shapeProblems(dimensions: unknown): FieldError[] {
  if (!isRecord(dimensions)) return [{ field: 'dimensions', message: 'must be an object' }];
  const entries = Object.entries(dimensions);
  if (entries.length > SDMX_DIMENSIONS_MAX)
    return [{ field: 'dimensions', message: `must have at most ${SDMX_DIMENSIONS_MAX} dimensions` }];
  const errors: FieldError[] = [];
  for (const [local, dim] of entries) {
    const field = `dimensions.${local.slice(0, SDMX_LABEL_MAX)}`;
    if (local.length < 1 || local.length > SDMX_LABEL_MAX)
      errors.push({ field, message: `a dimension name has 1 to ${SDMX_LABEL_MAX} characters` });
    if (!isRecord(dim) || typeof dim.code !== 'string' || !isRecord(dim.values)) {
      errors.push({ field, message: 'must be {code, values: {<local value>: <code>}}' });
      continue;
    }
    const values = Object.entries(dim.values);
    if (values.length > SDMX_VALUES_MAX)
      errors.push({ field: `${field}.values`, message: `must have at most ${SDMX_VALUES_MAX} values` });
    else if (values.some(([v, to]) => v.length > SDMX_LABEL_MAX || typeof to !== 'string'))
      errors.push({
        field: `${field}.values`,
        message: `each value has at most ${SDMX_LABEL_MAX} characters and maps to a code`,
      });
  }
  return errors;
}

// Every code must fit SDMX ids, and each SDG dimension takes at most one local dimension.
export function mappingProblems(mapping: SdmxMapping): FieldError[] {
  const shape = shapeProblems(mapping.dimensions);
  if (shape.length > 0) return shape;
  const errors: FieldError[] = [];
  const code = (field: string, value: string) => {
    if (!SDMX_CODE_PATTERN.test(value))
      errors.push({ field, message: 'must be an SDMX code: letters, digits, _ @ $ . -, at most 50' });
  };
  code('series', mapping.series);
  code('refArea', mapping.refArea);
  code('unitMeasure', mapping.unitMeasure);
  const mult = mapping.unitMult ?? 0;
  if (!Number.isInteger(mult) || Math.abs(mult) > UNIT_MULT_LIMIT)
    errors.push({
      field: 'unitMult',
      message: `must be a whole number from -${UNIT_MULT_LIMIT} to ${UNIT_MULT_LIMIT}`,
    });
  const taken = new Map<string, string>();
  for (const [local, dim] of Object.entries(mapping.dimensions)) {
    const field = `dimensions.${local}`;
    if (!BREAKDOWN_DIMENSIONS.includes(dim.code))
      errors.push({ field: `${field}.code`, message: `must be one of ${BREAKDOWN_DIMENSIONS.join(', ')}` });
    else if (taken.has(dim.code))
      errors.push({
        field: `${field}.code`,
        message: `${dim.code} is already the code of ${taken.get(dim.code)}`,
      });
    taken.set(dim.code, local);
    for (const [value, to] of Object.entries(dim.values)) code(`${field}.values.${value}`, to);
  }
  return errors;
}

function decide(command: SetSdmxMapping, state: SdmxMappingState): SdmxMappingEvent[] {
  const errors = mappingProblems(command.mapping);
  if (errors.length > 0) throw SdmxErrors.INVALID_MAPPING({ errors });
  if (JSON.stringify(state.mapping) === JSON.stringify(command.mapping)) return [];
  return [{ type: 'SdmxMappingSet', data: { indicatorId: command.indicatorId, mapping: command.mapping } }];
}

export const sdmxMappingDecider: Decider<SdmxMappingState, SetSdmxMapping, SdmxMappingEvent> = {
  initialState: () => ({ mapping: null }),
  decide,
  evolve: (_state, event) => ({ mapping: event.data.mapping }),
  eventTypes: SDMX_MAPPING_EVENT_TYPES,
};
