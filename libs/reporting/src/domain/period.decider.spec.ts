import { DeciderSpecification } from '@rl/kernel/testing';
import { parsePeriodCode } from './period-code';
import { periodDecider } from './period.decider';
import { PeriodEvent } from './period.events';

const periodId = '0192f0aa-0000-7000-8000-000000000002';
const defined: PeriodEvent = {
  type: 'PeriodDefined',
  data: {
    periodId,
    code: '2024-Q1',
    granularity: 'quarter',
    start: '2024-01-01',
    end: '2024-04-01',
    deadline: '2024-04-30T21:59:59.000Z',
    timezone: 'Europe/Brussels',
  },
};
const spec = DeciderSpecification.for(periodDecider);

describe('period decider', () => {
  it('defines a period with its parsed code and the deadline as a UTC instant', () => {
    spec
      .given([])
      .when({
        type: 'DefinePeriod',
        periodId,
        period: parsePeriodCode('2024-Q1'),
        deadline: new Date('2024-04-30T21:59:59Z'),
        timezone: 'Europe/Brussels',
      })
      .then([defined]);
  });

  it('refuses to define it twice', () => {
    spec
      .given([defined])
      .when({
        type: 'DefinePeriod',
        periodId,
        period: parsePeriodCode('2024'),
        deadline: new Date(),
        timezone: 'Europe/Brussels',
      })
      .thenThrows('PERIOD.ALREADY_EXISTS');
  });

  it('moves the deadline, recording from and to', () => {
    const to = new Date('2024-05-15T21:59:59Z');
    spec
      .given([defined])
      .when({ type: 'MovePeriodDeadline', deadline: to, timezone: 'Europe/Brussels' })
      .then([
        {
          type: 'PeriodDeadlineMoved',
          data: { periodId, from: defined.data.deadline, to: to.toISOString(), timezone: 'Europe/Brussels' },
        },
      ]);
  });

  it('records nothing when the deadline does not change, and follows earlier moves', () => {
    const moved: PeriodEvent = {
      type: 'PeriodDeadlineMoved',
      data: {
        periodId,
        from: defined.data.deadline,
        to: '2024-05-15T21:59:59.000Z',
        timezone: 'Europe/Brussels',
      },
    };
    spec
      .given([defined, moved])
      .when({
        type: 'MovePeriodDeadline',
        deadline: new Date('2024-05-15T21:59:59Z'),
        timezone: 'Europe/Brussels',
      })
      .thenNothingHappens();
  });

  it('cannot move the deadline of an unknown period', () => {
    spec
      .given([])
      .when({ type: 'MovePeriodDeadline', deadline: new Date(), timezone: 'UTC' })
      .thenThrows('PERIOD.NOT_FOUND');
  });
});
