import { DomainError } from '@rl/kernel';
import {
  checkObservations,
  DeclaredIndicator,
  MAX_OBSERVATIONS,
  ObservationInput,
  parseSeriesKey,
  plausibility,
  seriesKey,
} from './observation-checks';

const indicator = (unit = 'count'): DeclaredIndicator => ({
  unit,
  disaggregations: [
    { dimension: 'sex', values: ['F', 'M'] },
    { dimension: 'district', values: [] },
  ],
});

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError)
      return { kind: error.kind, code: error.code, fields: error.errors.map((e) => e.field) };
    throw error;
  }
  throw new Error('expected a failure');
};

const check = (inputs: ObservationInput[], unit?: string, history: number[] = []) =>
  checkObservations(indicator(unit), inputs, () => history);

describe('observation checks', () => {
  it('accepts declared values, open dimensions and the total, with a canonical key and normal status', () => {
    expect(
      check([
        { disaggregation: {}, value: 10 },
        { disaggregation: { sex: 'F', district: 'North' }, value: 4, status: 'estimated' },
      ]),
    ).toEqual([
      { key: '', disaggregation: {}, value: 10, status: 'normal' },
      {
        key: 'district:North,sex:F',
        disaggregation: { sex: 'F', district: 'North' },
        value: 4,
        status: 'estimated',
      },
    ]);
  });

  it('refuses values that are not finite numbers with a 400 naming observations.N.value', () => {
    for (const value of [NaN, Infinity, 'abc', '12', null]) {
      expect(
        failure(() =>
          check([
            { disaggregation: {}, value: 1 },
            { disaggregation: {}, value },
          ]),
        ),
      ).toEqual({
        kind: 'bad_request',
        code: 'SUBMISSION.INVALID_OBSERVATIONS',
        fields: ['observations.1.value'],
      });
    }
  });

  it('checks values against the unit', () => {
    expect(failure(() => check([{ disaggregation: {}, value: 2 }], 'yes/no')).fields).toEqual([
      'observations.0.value',
    ]);
    expect(check([{ disaggregation: {}, value: 1 }], 'yes/no')).toHaveLength(1);
    expect(failure(() => check([{ disaggregation: {}, value: 100.5 }], 'percent')).kind).toBe('invalid');
    expect(failure(() => check([{ disaggregation: {}, value: -1 }], 'count')).kind).toBe('invalid');
    expect(failure(() => check([{ disaggregation: {}, value: 1.5 }], 'count')).kind).toBe('invalid');
    expect(check([{ disaggregation: {}, value: -3.5 }], 'per 1000 inhabitants')).toHaveLength(1);
  });

  it('refuses undeclared dimensions and undeclared values of closed dimensions with a 422 naming the dimension', () => {
    expect(failure(() => check([{ disaggregation: { age: '18-24' }, value: 1 }]))).toEqual({
      kind: 'invalid',
      code: 'SUBMISSION.INVALID_OBSERVATIONS',
      fields: ['observations.0.disaggregation.age'],
    });
    expect(failure(() => check([{ disaggregation: { sex: 'X' }, value: 1 }])).fields).toEqual([
      'observations.0.disaggregation.sex',
    ]);
  });

  it('refuses a repeated disaggregation, whatever the key order', () => {
    expect(
      failure(() =>
        check([
          { disaggregation: { sex: 'F', district: 'A' }, value: 1 },
          { disaggregation: { district: 'A', sex: 'F' }, value: 2 },
        ]),
      ).fields,
    ).toEqual(['observations.1.disaggregation']);
  });

  it('refuses unknown observation statuses, empty lists and more than the maximum', () => {
    expect(failure(() => check([{ disaggregation: {}, value: 1, status: 'guess' }])).fields).toEqual([
      'observations.0.status',
    ]);
    expect(failure(() => check([])).kind).toBe('bad_request');
    const many = Array.from({ length: MAX_OBSERVATIONS + 1 }, (_, i) => ({
      disaggregation: { district: `d${i}` },
      value: 1,
    }));
    expect(failure(() => check(many)).fields).toEqual(['observations']);
  });

  it('flags outliers against the series but accepts them', () => {
    const [flagged] = check([{ disaggregation: {}, value: 100 }], 'count', [20, 25]);
    expect(flagged.outlier?.reason).toMatch(/factor of 3/);
    expect(check([{ disaggregation: {}, value: 30 }], 'count', [20, 25])[0].outlier).toBeUndefined();
  });

  it('uses the z-score once four earlier values exist', () => {
    expect(plausibility(14, [10, 10.5, 9.5, 10, 10.2])).toMatch(/z-score/);
    expect(plausibility(10.4, [10, 10.5, 9.5, 10, 10.2])).toBeNull();
    expect(plausibility(5, [])).toBeNull();
    expect(plausibility(0, [4])).toMatch(/factor of 3/);
  });

  it('reads and writes series keys', () => {
    expect(seriesKey({ sex: 'F', district: 'N' })).toBe('district:N,sex:F');
    expect(parseSeriesKey('sex:F,district:N')).toEqual({ sex: 'F', district: 'N' });
    expect(parseSeriesKey(undefined)).toEqual({});
    expect(parseSeriesKey('sex')).toBeNull();
  });
});
