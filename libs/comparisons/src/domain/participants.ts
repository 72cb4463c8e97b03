import type { CaveatCode, PopulationFigure, PublishedDefinition, PublishedValue } from './comparison.types';
import { compareText } from './ranking';
import { possessives } from './wording';

// The cities taking part in one comparison, and what the comparison finds about each of them. Shared by
// compareCities (one observation per city) and compareSeries (many).

export interface Participant {
  def: PublishedDefinition;
  // The observations compared, in period order.
  observations: PublishedValue[];
  // Every usable value of the city's indicator, in period order.
  all: PublishedValue[];
}

export interface Assessment {
  caveats: Map<CaveatCode, string>;
  normalised: (number | null)[];
  normalisedUnit: string | null;
}

export type Mode = 'period' | 'series';

// Records a caveat of a participant; the first message for a code stands.
export type Note = (p: Participant, code: CaveatCode, message: string) => void;

export type PopulationOf = (cityId: string, year: number) => number | undefined;

const bySlug = (a: { citySlug: string }, b: { citySlug: string }) => compareText(a.citySlug, b.citySlug);

// Periods line up by first year, then by label ('2013' before '2013/14', '2019-Q1' before '2019-Q2').
export const byPeriod = (a: PublishedValue, b: PublishedValue) =>
  a.year - b.year || compareText(a.period, b.period);

const isUsable = (value: PublishedValue) => value.status !== 'missing' && Number.isFinite(value.value);

const ownKey = (cityId: string, indicatorId: string) => `${cityId}\u0000${indicatorId}`;

// One definition per city (the first given wins), with that city's usable values in period order.
export function collect(definitions: PublishedDefinition[], values: PublishedValue[]) {
  const valuesByIndicator = new Map<string, PublishedValue[]>();
  for (const value of values) {
    if (!isUsable(value)) continue;
    const key = ownKey(value.cityId, value.indicatorId);
    valuesByIndicator.set(key, [...(valuesByIndicator.get(key) ?? []), value]);
  }
  const seen = new Set<string>();
  const cities: { def: PublishedDefinition; all: PublishedValue[] }[] = [];
  for (const def of definitions) {
    if (seen.has(def.cityId)) continue;
    seen.add(def.cityId);
    const all = [...(valuesByIndicator.get(ownKey(def.cityId, def.indicatorId)) ?? [])].sort(byPeriod);
    cities.push({ def, all });
  }
  return cities.sort((a, b) => bySlug(a.def, b.def));
}

export function populationIndex(population: PopulationFigure[]): PopulationOf {
  const index = new Map<string, number>();
  for (const figure of population) {
    const key = `${figure.cityId}\u0000${figure.year}`;
    if (!index.has(key) && Number.isFinite(figure.total) && figure.total > 0) index.set(key, figure.total);
  }
  return (cityId: string, year: number) => index.get(`${cityId}\u0000${year}`);
}

export const latestOf = (all: PublishedValue[]) => all[all.length - 1];

// "Bristol's", "Bristol's and Ghent's": the cities a caveat sets a participant against.
export const namesOf = (others: Participant[]) => possessives(others.map((o) => o.def.cityName));

// Each other city either differs from the reference (true), agrees (false) or cannot be judged (null).
// The reference itself is flagged too when nobody agrees with it: with two cities, or when every
// city differs, the choice of reference is arbitrary and neither side is on common ground.
export function flagAgainstReference(
  participants: Participant[],
  reference: Participant,
  differs: (p: Participant) => boolean | null,
  add: (p: Participant, others: Participant[]) => void,
) {
  const differing: Participant[] = [];
  let agreeing = 0;
  for (const p of participants) {
    if (p === reference) continue;
    const verdict = differs(p);
    if (verdict === true) {
      differing.push(p);
      add(p, [reference]);
    } else if (verdict === false) agreeing += 1;
  }
  if (differing.length > 0 && agreeing === 0) add(reference, differing);
}
