import { Decider } from '@rl/kernel';
import { PopulationErrors } from './comparison.errors';
import { ComparisonsEvent } from './comparisons.events';

type PopulationEvent = Extract<ComparisonsEvent, { type: 'ReferencePopulationSet' }>;

export interface SetPopulation {
  type: 'SetPopulation';
  year: number;
  total: number;
  districts: Record<string, number> | null;
  source: string | null;
}

// Each year's figure stands alone: a later one replaces it, so there is no state to decide on.
type PopulationState = null;

function decide({ year, total, districts, source }: SetPopulation): PopulationEvent[] {
  const bad = Object.entries(districts ?? {}).find(([, n]) => !Number.isInteger(n) || n < 0);
  if (bad) {
    throw PopulationErrors.INVALID({
      message: `District ${bad[0]} needs a whole number`,
      errors: [{ field: `districts.${bad[0]}`, message: 'must be a whole number of inhabitants' }],
    });
  }
  return [{ type: 'ReferencePopulationSet', data: { year, total, districts, source } }];
}

export const populationDecider: Decider<PopulationState, SetPopulation, PopulationEvent> = {
  initialState: () => null,
  decide,
  evolve: (state) => state,
  eventTypes: ['ReferencePopulationSet'],
};
