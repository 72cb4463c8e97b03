import { round6 } from './numbers';

// Units as cities write them ('%', 'per 1,000 live births', 'count', 'µg/m3'), and which of them convert
// into which.

type ParsedUnit =
  // `base` '' = not stated; every way of saying "population" is folded to 'inhabitants'.
  { family: 'rate'; per: number; base: string } | { family: 'count' } | { family: 'other'; text: string };

export type Conversion =
  | { kind: 'same' }
  | { kind: 'scale'; factor: number }
  | { kind: 'perCapita'; per: number }
  | { kind: 'incompatible' };

const POPULATION = 'inhabitants';
const POPULATION_BASES = new Set([
  'inhabitant',
  'population',
  'total population',
  'resident',
  'people',
  'person',
  'capita',
  'citizen',
]);

export interface TargetUnit {
  text: string;
  unit: ParsedUnit;
  // True when the cities report counts, which are compared per capita.
  forCounts: boolean;
}
// Counts are compared per 100,000 inhabitants.
const PER_CAPITA_TARGET: TargetUnit = {
  text: 'per 100000 inhabitants',
  unit: { family: 'rate', per: 100000, base: POPULATION },
  forCounts: true,
};

export const foldSpace = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const singular = (word: string) =>
  word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;

const canonicalBase = (text: string): string => {
  const words = foldSpace(text)
    .replace(/^of\s+/, '')
    .replace(/[.,;:()]+$/g, '')
    .split(' ')
    .filter((word) => word !== '')
    .map(singular)
    .join(' ');
  return POPULATION_BASES.has(words) ? POPULATION : words;
};

const MULTIPLIER: Record<string, number> = { k: 1_000, thousand: 1_000, million: 1_000_000 };

export function parseUnit(unit: string): ParsedUnit {
  const text = foldSpace(unit);
  const percent = /^(?:%|percentage|per cent|percent|pct)(?:\s+(?:of\s+)?(.*))?$/.exec(text);
  if (percent) return { family: 'rate', per: 100, base: canonicalBase(percent[1] ?? '') };
  const mille = /^(?:‰|per mille|per mil)(?:\s+(?:of\s+)?(.*))?$/.exec(text);
  if (mille) return { family: 'rate', per: 1000, base: canonicalBase(mille[1] ?? '') };
  // 'per 1000 …', 'per 1,000 …', 'per 100 000 …', 'per 100k …', 'per thousand …'
  const per = /^per\s+(\d{1,3}(?:[,.' ’]\d{3})+|\d+)?\s*(k|thousand|million)?(?:\s+(.*))?$/.exec(text);
  if (per && (per[1] !== undefined || per[2] !== undefined)) {
    const number = per[1] === undefined ? 1 : Number(per[1].replace(/[^\d]/g, ''));
    const scale = number * (per[2] === undefined ? 1 : MULTIPLIER[per[2]]);
    if (scale > 0) return { family: 'rate', per: scale, base: canonicalBase(per[3] ?? '') };
  }
  if (/^(?:count|number|no\.?|#)(?:\s+of\s+.+)?$/.test(text)) return { family: 'count' };
  return { family: 'other', text: text.replace(/\s+/g, '') };
}

export const unitKey = (unit: ParsedUnit): string => {
  switch (unit.family) {
    case 'rate':
      return `rate:${unit.per}:${unit.base}`;
    case 'count':
      return 'count';
    case 'other':
      return `other:${unit.text}`;
  }
};

// An unstated base reads as "of the population" (the spec's 'per 1,000' ↔ percent case).
const basesConvert = (a: string, b: string) =>
  a === b || ((a === '' || a === POPULATION) && (b === '' || b === POPULATION));

export function planConversion(from: ParsedUnit, to: ParsedUnit): Conversion {
  if (unitKey(from) === unitKey(to)) return { kind: 'same' };
  if (from.family === 'rate' && to.family === 'rate' && basesConvert(from.base, to.base)) {
    return { kind: 'scale', factor: to.per / from.per };
  }
  // A count becomes a rate only of an explicitly stated population, never of an unstated base.
  if (from.family === 'count' && to.family === 'rate' && to.base === POPULATION) {
    return { kind: 'perCapita', per: to.per };
  }
  return { kind: 'incompatible' };
}

// The unit a comparison is made in, given the unit the most cities report: itself, or for counts a
// rate per capita.
export function targetUnitFor(unit: string): TargetUnit {
  const parsed = parseUnit(unit);
  return parsed.family === 'count'
    ? PER_CAPITA_TARGET
    : { text: unit.trim(), unit: parsed, forCounts: false };
}

// Converts between units that need nothing but a scale (percent ↔ per N of the same base, equal
// units); null when the units are incompatible or the conversion needs a population figure.
export function convertUnit(value: number, from: string, to: string): number | null {
  const plan = planConversion(parseUnit(from), parseUnit(to));
  switch (plan.kind) {
    case 'same':
      return round6(value);
    case 'scale':
      return round6(value * plan.factor);
    case 'perCapita':
    case 'incompatible':
      return null;
  }
}
