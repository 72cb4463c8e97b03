import { DomainError } from '@rl/kernel';
import {
  decideIndicator,
  evolveIndicator,
  IndicatorCommand,
  IndicatorState,
  initialIndicatorState,
} from './indicator.decider';
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

// Given past events, when a command, then new events (or an error code).
const given = (events: IndicatorEvent[]) => {
  const state = events.reduce(evolveIndicator, initialIndicatorState);
  return {
    when: (command: IndicatorCommand) => {
      try {
        return decideIndicator(command, state);
      } catch (error) {
        if (error instanceof DomainError) return error.code;
        throw error;
      }
    },
  };
};
const update = (
  changes: Extract<IndicatorCommand, { type: 'UpdateIndicator' }>['changes'],
  extra: { code?: string; status?: 'draft' | 'active' | 'retired' } = {},
): IndicatorCommand => ({ type: 'UpdateIndicator', changes, ...extra });

describe('indicator decider', () => {
  it('defines a draft indicator with its texts folded', () => {
    expect(
      given([]).when({
        type: 'DefineIndicator',
        indicatorId,
        definition: {
          ...definition,
          name: { nl: '  Klachten over  discriminatie ', en: definition.name.en },
        },
      }),
    ).toEqual([defined]);
  });

  it('defines and activates at once when asked', () => {
    expect(given([]).when({ type: 'DefineIndicator', indicatorId, definition, activate: true })).toEqual([
      defined,
      activated,
    ]);
  });

  it('refuses to define the same indicator twice', () => {
    expect(given([defined]).when({ type: 'DefineIndicator', indicatorId, definition })).toBe(
      'INDICATOR.ALREADY_EXISTS',
    );
  });

  it('refuses a dimension declared twice, or a value listed twice', () => {
    const twice = {
      ...definition,
      disaggregations: [
        { dimension: 'sex', values: ['F', 'M'] },
        { dimension: 'sex ', values: [] },
      ],
    };
    expect(given([]).when({ type: 'DefineIndicator', indicatorId, definition: twice })).toBe(
      'INDICATOR.INVALID_DEFINITION',
    );
    expect(
      given([defined]).when(update({ disaggregations: [{ dimension: 'sex', values: ['F', 'F'] }] })),
    ).toBe('INDICATOR.INVALID_DEFINITION');
  });

  it('redefines only the fields that changed, with before and after', () => {
    expect(
      given([defined]).when(
        update({
          name: { en: 'Discrimination complaints', nl: 'Klachten over discriminatie' },
          unit: 'number',
        }),
      ),
    ).toEqual([
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

  it('records nothing when nothing changes', () => {
    expect(given([defined]).when(update({ unit: 'count', right: ' non-discrimination' }))).toEqual([]);
    expect(given([defined, activated]).when(update({}, { status: 'active', code: 'ND-P1' }))).toEqual([]);
  });

  it('clears an optional field given null, but refuses to clear a required one', () => {
    expect(given([defined]).when(update({ methodology: null }))).toEqual([
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
    expect(given([defined]).when(update({ unit: null }))).toBe('INDICATOR.INVALID_DEFINITION');
  });

  it('starts a new series when the unit or methodology of an active indicator changes', () => {
    const unitChanged = given([defined, activated]).when(update({ unit: 'per 10,000 inhabitants' }));
    expect(unitChanged).toEqual([
      {
        type: 'IndicatorRedefined',
        data: {
          indicatorId,
          changes: { unit: { before: 'count', after: 'per 10,000 inhabitants' } },
          seriesBreak: true,
          series: 2,
        },
      },
    ]);
    const afterBreak = [defined, activated, ...(unitChanged as IndicatorEvent[])];
    const methodologyChanged = given(afterBreak).when(update({ methodology: 'Complaints closed' }));
    expect(methodologyChanged).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ seriesBreak: true, series: 3 }) }),
    ]);
    expect(given(afterBreak).when(update({ source: 'Unia' }))).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ seriesBreak: false, series: 2 }) }),
    ]);
  });

  it('does not break the series of a draft', () => {
    expect(given([defined]).when(update({ unit: 'percent' }))).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ seriesBreak: false, series: 1 }) }),
    ]);
  });

  it('moves draft → active → retired, and a draft may be retired', () => {
    expect(given([defined]).when(update({}, { status: 'active' }))).toEqual([activated]);
    expect(given([defined, activated]).when(update({}, { status: 'retired' }))).toEqual([retired]);
    expect(given([defined]).when(update({}, { status: 'retired' }))).toEqual([retired]);
  });

  it('redefines before a status change in the same command', () => {
    expect(given([defined]).when(update({ unit: 'percent' }, { status: 'active' }))).toEqual([
      expect.objectContaining({ type: 'IndicatorRedefined' }),
      activated,
    ]);
  });

  it('refuses to go back to draft', () => {
    expect(given([defined, activated]).when(update({}, { status: 'draft' }))).toBe(
      'INDICATOR.INVALID_TRANSITION',
    );
  });

  it('keeps a retired indicator final: no reactivation, no changes', () => {
    const past = [defined, activated, retired];
    expect(given(past).when(update({}, { status: 'active' }))).toBe('INDICATOR.INVALID_TRANSITION');
    expect(given(past).when(update({ unit: 'percent' }))).toBe('INDICATOR.RETIRED');
    expect(given(past).when(update({}, { status: 'retired' }))).toEqual([]);
  });

  it('refuses a new code', () => {
    expect(given([defined]).when(update({}, { code: 'ND-P2' }))).toBe('INDICATOR.CODE_IMMUTABLE');
  });

  it('refuses to update an indicator that does not exist', () => {
    expect(given([]).when(update({ unit: 'x' }))).toBe('INDICATOR.NOT_FOUND');
  });

  it('evolves to the latest definition, status and series', () => {
    const state = [
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
      } as IndicatorEvent,
    ].reduce(evolveIndicator, initialIndicatorState);
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
