// An indicator's small-number rule: every public output hides counts above 0 and below minCount, and
// (secondary) the cells that would give them away.
export type DisclosureEvent = {
  type: 'DisclosureRuleSet';
  data: { indicatorId: string; minCount: number; secondary: boolean };
};

export const DISCLOSURE_EVENT_TYPES: readonly DisclosureEvent['type'][] = ['DisclosureRuleSet'];

export const disclosureStream = (indicatorId: string) => `disclosure-${indicatorId}`;
