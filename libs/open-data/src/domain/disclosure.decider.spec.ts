import { DeciderSpecification } from '@rl/kernel/testing';
import { disclosureDecider } from './disclosure.decider';

const indicatorId = '0192f0aa-0000-7000-8000-00000000000a';
const set = (minCount: number, secondary = true) =>
  ({ type: 'SetDisclosureRule', indicatorId, minCount, secondary }) as const;
const ruleSet = (minCount: number) =>
  ({ type: 'DisclosureRuleSet', data: { indicatorId, minCount, secondary: true } }) as const;

describe('disclosureDecider', () => {
  it('records a new rule', () => {
    DeciderSpecification.for(disclosureDecider)
      .given([])
      .when(set(10))
      .then([ruleSet(10)]);
  });

  it('records nothing when the rule is unchanged', () => {
    DeciderSpecification.for(disclosureDecider)
      .given([ruleSet(10)])
      .when(set(10))
      .then([]);
  });

  it('refuses to turn secondary suppression off', () => {
    DeciderSpecification.for(disclosureDecider)
      .given([])
      .when(set(10, false))
      .thenThrows('DISCLOSURE.SECONDARY_REQUIRED');
  });

  it('refuses a minimum that is not a whole number from 1', () => {
    for (const bad of [0, 2.5, 1_000_001])
      DeciderSpecification.for(disclosureDecider)
        .given([])
        .when(set(bad))
        .thenThrows('DISCLOSURE.INVALID_MIN_COUNT');
  });
});
