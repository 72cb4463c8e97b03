import { DeciderSpecification } from '@rl/kernel/testing';
import { populationDecider, SetPopulation } from './population.decider';

const spec = DeciderSpecification.for(populationDecider);
const set: SetPopulation = {
  type: 'SetPopulation',
  year: 2024,
  total: 263_000,
  districts: null,
  source: null,
};

describe('population decider', () => {
  it('records the figure of a year with its districts', () => {
    spec
      .given([])
      .when({ ...set, districts: { Sluizeken: 5400 }, source: 'Statbel' })
      .then([
        {
          type: 'ReferencePopulationSet',
          data: { year: 2024, total: 263_000, districts: { Sluizeken: 5400 }, source: 'Statbel' },
        },
      ]);
  });

  it('refuses a district without a whole number of inhabitants', () => {
    spec
      .given([])
      .when({ ...set, districts: { Sluizeken: 5400.5 } })
      .thenThrows('POPULATION.INVALID', (error) =>
        expect(error.errors).toEqual([
          { field: 'districts.Sluizeken', message: 'must be a whole number of inhabitants' },
        ]),
      );
    spec
      .given([])
      .when({ ...set, districts: { Sluizeken: -1 } })
      .thenThrows('POPULATION.INVALID');
  });
});
