import { IndicatorDefinition, IndicatorEvent } from '../domain/indicator.events';

// A valid definition, for tests that need an indicator to exist; state only what the test is about.
export const aDefinition = (overrides: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  code: 'ND-P1',
  name: { nl: 'Klachten', en: 'Complaints' },
  right: 'non-discrimination',
  type: 'process',
  unit: 'count',
  direction: 'neutral',
  disaggregations: [],
  frameworkRefs: [],
  ...overrides,
});

export const indicatorDefined = (indicatorId: string, definition = aDefinition()): IndicatorEvent => ({
  type: 'IndicatorDefined',
  data: { indicatorId, definition },
});
