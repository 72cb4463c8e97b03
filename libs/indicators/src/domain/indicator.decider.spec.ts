import { DeciderSpecification } from '@rl/kernel/testing';
import { IndicatorCommand, indicatorDecider, IndicatorState } from './indicator.decider';
import { IndicatorDefinition, IndicatorEvent } from './indicator.events';

const indicatorId = '0192f0aa-0000-7000-8000-00000000000a';
const definition: IndicatorDefinition = {
  code: 'ND-P1',
  name: { nl: 'Klachten over discriminatie', en: 'Discrimination complaints' },
  right: 'non-discrimination',
  type: 'process',
  unit: 'count',
  direction: 'neutral',
  disaggregations: [{ dimension: 'ground', values: [] }],
  frameworkRefs: [{ framework: 'SDG', code: '10.3.1' }],
  methodology: 'Complaints registered in the year',
};
const defined: IndicatorEvent = { type: 'IndicatorDefined', data: { indicatorId, definition } };
const activated: IndicatorEvent = { type: 'IndicatorActivated', data: { indicatorId } };
const retired: IndicatorEvent = { type: 'IndicatorRetired', data: { indicatorId } };

const spec = DeciderSpecification.for(indicatorDecider);

const update = (
  changes: Extract<IndicatorCommand, { type: 'UpdateIndicator' }>['changes'],
  extra: { code?: string; status?: 'draft' | 'active' | 'retired' } = {},
): IndicatorCommand => ({ type: 'UpdateIndicator', changes, ...extra });

describe('indicator decider', () => {
  it('defines a draft indicator with its texts folded', () => {
    spec
      .given([])
      .when({
        type: 'DefineIndicator',
        indicatorId,
        definition: {
          ...definition,
          name: { nl: '  Klachten over  discriminatie ', en: definition.name.en },
        },
      })
      .then([defined]);
  });

  it('defines and activates at once when asked', () => {
    spec
      .given([])
      .when({ type: 'DefineIndicator', indicatorId, definition, activate: true })
      .then([defined, activated]);
  });

  it('refuses to define the same indicator twice', () => {
    spec
      .given([defined])
      .when({ type: 'DefineIndicator', indicatorId, definition })
      .thenThrows('INDICATOR.ALREADY_EXISTS');
  });

  it('refuses a dimension declared twice, or a value listed twice', () => {
    const twice = {
      ...definition,
      disaggregations: [
        { dimension: 'sex', values: ['F', 'M'] },
        { dimension: 'sex ', values: [] },
      ],
    };
    spec
      .given([])
      .when({ type: 'DefineIndicator', indicatorId, definition: twice })
      .thenThrows('INDICATOR.INVALID_DEFINITION');
    spec
      .given([defined])
      .when(update({ disaggregations: [{ dimension: 'sex', values: ['F', 'F'] }] }))
      .thenThrows('INDICATOR.INVALID_DEFINITION');
  });

  it('redefines only the fields that changed, with before and after', () => {
    spec
      .given([defined])
      .when(
        update({
          name: { en: 'Discrimination complaints', nl: 'Klachten over discriminatie' },
          unit: 'number',
        }),
      )
      .then([
        {
          type: 'IndicatorRedefined',
          data: {
            indicatorId,
            changes: { unit: { before: 'count', after: 'number' } },
            seriesBreak: false,
            series: 1,
          },
        },
      ]);
  });

  it('links glossary terms once each, without a series break', () => {
    const term = '0192f0aa-0000-7000-8000-0000000000d1';
    spec
      .given([defined, activated])
      .when(update({ terms: [term, term] }))
      .then([
        {
          type: 'IndicatorRedefined',
          data: {
            indicatorId,
            changes: { terms: { before: null, after: [term] } },
            seriesBreak: false,
            series: 1,
          },
        },
      ]);
  });

  it('records nothing when nothing changes', () => {
    spec
      .given([defined])
      .when(update({ unit: 'count', right: ' non-discrimination' }))
      .thenNothingHappens();
    spec
      .given([defined, activated])
      .when(update({}, { status: 'active', code: 'ND-P1' }))
      .thenNothingHappens();
  });

  it('clears an optional field given null, but refuses to clear a required one', () => {
    spec
      .given([defined])
      .when(update({ methodology: null }))
      .then([
        {
          type: 'IndicatorRedefined',
          data: {
            indicatorId,
            changes: { methodology: { before: 'Complaints registered in the year', after: null } },
            seriesBreak: false,
            series: 1,
          },
        },
      ]);
    spec
      .given([defined])
      .when(update({ unit: null }))
      .thenThrows('INDICATOR.INVALID_DEFINITION');
  });

  it('starts a new series when the unit or methodology of an active indicator changes', () => {
    const unitBreak: IndicatorEvent = {
      type: 'IndicatorRedefined',
      data: {
        indicatorId,
        changes: { unit: { before: 'count', after: 'per 10,000 inhabitants' } },
        seriesBreak: true,
        series: 2,
      },
    };
    spec
      .given([defined, activated])
      .when(update({ unit: 'per 10,000 inhabitants' }))
      .then([unitBreak]);
    const afterBreak = [defined, activated, unitBreak];
    spec
      .given(afterBreak)
      .when(update({ methodology: 'Complaints closed' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ seriesBreak: true, series: 3 }) })]);
    spec
      .given(afterBreak)
      .when(update({ source: 'Unia' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ seriesBreak: false, series: 2 }) })]);
  });

  it('does not break the series of a draft', () => {
    spec
      .given([defined])
      .when(update({ unit: 'percent' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ seriesBreak: false, series: 1 }) })]);
  });

  it('moves draft → active → retired, and a draft may be retired', () => {
    spec
      .given([defined])
      .when(update({}, { status: 'active' }))
      .then([activated]);
    spec
      .given([defined, activated])
      .when(update({}, { status: 'retired' }))
      .then([retired]);
    spec
      .given([defined])
      .when(update({}, { status: 'retired' }))
      .then([retired]);
  });

  it('redefines before a status change in the same command', () => {
    spec
      .given([defined])
      .when(update({ unit: 'percent' }, { status: 'active' }))
      .then([expect.objectContaining({ type: 'IndicatorRedefined' }), activated]);
  });

  it('refuses to go back to draft', () => {
    spec
      .given([defined, activated])
      .when(update({}, { status: 'draft' }))
      .thenThrows('INDICATOR.INVALID_TRANSITION');
  });

  it('keeps a retired indicator final: no reactivation, no changes', () => {
    const past = [defined, activated, retired];
    spec
      .given(past)
      .when(update({}, { status: 'active' }))
      .thenThrows('INDICATOR.INVALID_TRANSITION');
    spec
      .given(past)
      .when(update({ unit: 'percent' }))
      .thenThrows('INDICATOR.RETIRED');
    spec
      .given(past)
      .when(update({}, { status: 'retired' }))
      .thenNothingHappens();
  });

  it('refuses a new code', () => {
    spec
      .given([defined])
      .when(update({}, { code: 'ND-P2' }))
      .thenThrows('INDICATOR.CODE_IMMUTABLE');
  });

  it('refuses an update that names nothing, before looking for the indicator', () => {
    spec.given([]).when(update({})).thenThrows('INDICATOR.NOTHING_TO_CHANGE');
  });

  it('refuses to update an indicator that does not exist', () => {
    spec
      .given([])
      .when(update({ unit: 'x' }))
      .thenThrows('INDICATOR.NOT_FOUND');
  });

  it('evolves to the latest definition, status and series', () => {
    const state = spec
      .given([
        defined,
        activated,
        {
          type: 'IndicatorRedefined',
          data: {
            indicatorId,
            changes: {
              unit: { before: 'count', after: 'percent' },
              methodology: { before: 'Complaints registered in the year', after: null },
            },
            seriesBreak: true,
            series: 2,
          },
        },
      ])
      .state();
    const { methodology: _dropped, ...rest } = definition;
    expect(state).toEqual<IndicatorState>({
      exists: true,
      indicatorId,
      definition: { ...rest, unit: 'percent' },
      status: 'active',
      series: 2,
    });
  });
});
