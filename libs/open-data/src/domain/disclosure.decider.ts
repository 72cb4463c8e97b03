import { Decider } from '@rl/kernel';
import { DisclosureErrors } from './disclosure.errors';
import { DISCLOSURE_EVENT_TYPES, DisclosureEvent } from './disclosure.events';
import { DisclosureRule, MIN_COUNT_LIMIT } from './suppression';

export type DisclosureState = { rule: DisclosureRule | null };

export type DisclosureCommand = { type: 'SetDisclosureRule'; indicatorId: string } & DisclosureRule;

function decide(command: DisclosureCommand, state: DisclosureState): DisclosureEvent[] {
  const { indicatorId, minCount, secondary } = command;
  // The issue asks for secondary suppression in every public output; the flag stays in the contract
  // so that a future, audited opt-out needs no new event.
  if (!secondary)
    throw DisclosureErrors.SECONDARY_REQUIRED({ errors: [{ field: 'secondary', message: 'must be true' }] });
  if (!Number.isInteger(minCount) || minCount < 1 || minCount > MIN_COUNT_LIMIT)
    throw DisclosureErrors.INVALID_MIN_COUNT({
      errors: [{ field: 'minCount', message: `must be a whole number from 1 to ${MIN_COUNT_LIMIT}` }],
    });
  if (state.rule?.minCount === minCount && state.rule.secondary === secondary) return [];
  return [{ type: 'DisclosureRuleSet', data: { indicatorId, minCount, secondary } }];
}

function evolve(_state: DisclosureState, event: DisclosureEvent): DisclosureState {
  return { rule: { minCount: event.data.minCount, secondary: event.data.secondary } };
}

export const disclosureDecider: Decider<DisclosureState, DisclosureCommand, DisclosureEvent> = {
  initialState: () => ({ rule: null }),
  decide,
  evolve,
  eventTypes: DISCLOSURE_EVENT_TYPES,
};
