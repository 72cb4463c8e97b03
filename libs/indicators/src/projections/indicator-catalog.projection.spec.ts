import { recorded, rowAfter } from '@rl/projections/testing';
import { IndicatorDefinition, IndicatorEvent } from '../domain/indicator.events';
import { evolveIndicatorRow, IndicatorCatalogProjection } from './indicator-catalog.projection';

const indicatorId = '00000000-0000-7000-8000-0000000000a1';
const definition: IndicatorDefinition = {
  code: 'ND-P1',
  name: { en: 'Complaints handled' },
  right: 'non-discrimination',
  type: 'process',
  unit: 'count',
  direction: 'higher_is_better',
  disaggregations: [{ dimension: 'sex', values: ['f', 'm'] }],
  frameworkRefs: [{ framework: 'SDG', code: '10.3.1' }],
  methodology: 'Counted at year end',
  baseline: { value: 10, year: 2024 },
};
const defined = recorded<IndicatorEvent>({ type: 'IndicatorDefined', data: { indicatorId, definition } });
const activated = recorded<IndicatorEvent>(
  { type: 'IndicatorActivated', data: { indicatorId } },
  { version: 2 },
);
const redefined = recorded<IndicatorEvent>(
  {
    type: 'IndicatorRedefined',
    data: {
      indicatorId,
      changes: {
        unit: { before: 'count', after: 'per 1,000 residents' },
        methodology: { before: 'Counted at year end', after: null },
        description: { before: null, after: { en: 'Per district' } },
      },
      seriesBreak: true,
      series: 2,
    },
  },
  { version: 3 },
);
const retired = recorded<IndicatorEvent>({ type: 'IndicatorRetired', data: { indicatorId } }, { version: 4 });

describe('indicator-catalog projection', () => {
  it('lists a defined indicator as a draft of series 1, absent fields as null', () => {
    expect(evolveIndicatorRow(undefined, defined)).toEqual({
      id: indicatorId,
      ...definition,
      description: null,
      ohchrAttribute: null,
      source: null,
      target: null,
      // No linked glossary terms: an empty list, not null.
      terms: [],
      status: 'draft',
      series: 1,
      version: 1,
      createdAt: defined.recordedAt,
      updatedAt: defined.recordedAt,
    });
  });

  it('applies a redefinition field by field, clearing what it sets to null', () => {
    const row = rowAfter(new IndicatorCatalogProjection(), [defined, activated, redefined]);
    expect(row).toEqual(
      expect.objectContaining({
        status: 'active',
        unit: 'per 1,000 residents',
        methodology: null,
        description: { en: 'Per district' },
        baseline: { value: 10, year: 2024 },
        name: { en: 'Complaints handled' },
        series: 2,
        version: 3,
      }),
    );
  });

  it('retires, and skips a replayed activation', () => {
    const row = rowAfter(new IndicatorCatalogProjection(), [defined, activated, retired, activated]);
    expect(row).toEqual(expect.objectContaining({ status: 'retired', version: 4 }));
  });

  it('ignores events of an indicator it never saw defined', () => {
    expect(evolveIndicatorRow(undefined, activated)).toBeUndefined();
  });
});
