import { PublicSeriesReader, totalKey } from '@rl/open-data';
import type { ComparisonRow } from '../domain/comparison.types';
import { ComparisonDisclosure } from './comparison-disclosure';

const shown = [
  { cityId: 'c-ghent', citySlug: 'ghent', indicatorId: 'i-ghent', unit: 'count' },
  { cityId: 'c-padua', citySlug: 'padua', indicatorId: 'i-padua', unit: 'count' },
];
const row = (
  city: string,
  period: string,
  value: number,
  rank: number,
  previous?: string,
): ComparisonRow => ({
  city,
  cityName: city,
  indicatorCode: 'X',
  period,
  value,
  unit: 'count',
  normalisedValue: value / 10,
  normalisedUnit: 'per 1000 inhabitants',
  rank,
  comparability: { score: 1, comparable: true, caveats: [] },
  trend: previous ? { previousPeriod: previous, change: 1 } : null,
  distanceToTarget: 2,
});

describe('ComparisonDisclosure', () => {
  // Ghent's 2023 total is hidden; the reader is asked for each total once, for the audience.
  const asked: { totals: unknown[]; audience: string }[] = [];
  const reader = {
    hiddenTotals: (totals: unknown[], audience: string) => {
      asked.push({ totals, audience });
      return Promise.resolve(
        new Set([totalKey({ cityId: 'c-ghent', indicatorId: 'i-ghent', period: '2023' })]),
      );
    },
  } as unknown as PublicSeriesReader;
  const disclosure = new ComparisonDisclosure(reader);

  it('blanks a hidden row with Q and drops what would give it away, and a trend from a hidden value', async () => {
    const { rows, hidden } = await disclosure.rows('members', shown, [
      row('ghent', '2023', 3, 1),
      row('padua', '2023', 20, 2),
    ]);
    expect(hidden).toBe(true);
    expect(rows[0]).toEqual({
      ...row('ghent', '2023', 3, 1),
      value: null,
      normalisedValue: null,
      normalisedUnit: null,
      status: 'Q',
      trend: null,
      distanceToTarget: null,
      rank: undefined,
    });
    expect(rows[0]).not.toHaveProperty('rank');
    expect(rows[1]).toEqual(row('padua', '2023', 20, 2));
    expect(asked.at(-1)?.audience).toBe('members');

    const later = await disclosure.rows('public', shown, [
      row('ghent', '2024', 40, 1, '2023'),
      row('padua', '2024', 25, 2, '2023'),
    ]);
    expect(later.hidden).toBe(false);
    expect(later.rows.map((r) => r.trend)).toEqual([null, { previousPeriod: '2023', change: 1 }]);
    expect(asked.at(-1)?.totals).toHaveLength(4);
  });

  it('leaves a gap with Q in a series', async () => {
    const points = (city: string) => ({
      city,
      cityName: city,
      unit: 'count',
      normalisedUnit: null,
      comparability: { score: 1, comparable: true, caveats: [] },
      points: ['2023', '2024'].map((period) => ({
        period,
        value: 30,
        normalisedValue: null,
        status: 'normal' as const,
      })),
    });
    const series = await disclosure.seriesOf('public', shown, {
      periods: ['2023', '2024'],
      cities: [points('ghent'), points('padua')],
    });
    expect(series.cities.map((c) => c.points.map((p) => [p.value, p.status]))).toEqual([
      [
        [null, 'Q'],
        [30, 'normal'],
      ],
      [
        [30, 'normal'],
        [30, 'normal'],
      ],
    ]);
  });
});
