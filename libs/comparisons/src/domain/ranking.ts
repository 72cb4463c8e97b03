import type { ComparisonRow, PublishedDefinition } from './comparison.types';
import { round6 } from './numbers';

// Code-unit order: the same on every machine, whatever its locale.
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Ranks comparable rows with a normalised value (1 = best, ties share a rank: 1, 1, 3); other rows
// lose any rank. Caveats are left as they are: they were judged against the whole comparison.
export function rankRows(
  rows: readonly ComparisonRow[],
  direction: PublishedDefinition['direction'],
): ComparisonRow[] {
  const unranked = rows.map(({ rank: _rank, ...row }): ComparisonRow => row);
  const rankable =
    direction === 'neutral'
      ? []
      : unranked.filter((row) => row.comparability.comparable && row.normalisedValue !== null);
  const sign = direction === 'lower_is_better' ? 1 : -1;
  const valueOf = (row: ComparisonRow) => round6(row.normalisedValue!);
  const bySlugThen = (a: ComparisonRow, b: ComparisonRow) => compareText(a.city, b.city);
  rankable.sort((a, b) => sign * (valueOf(a) - valueOf(b)) || bySlugThen(a, b));
  const ranked: ComparisonRow[] = [];
  rankable.forEach((row, i) => {
    const previous = ranked[i - 1];
    const rank = previous && valueOf(previous) === valueOf(row) ? previous.rank! : i + 1;
    ranked.push({ ...row, rank });
  });
  const rest = unranked.filter((row) => !rankable.includes(row)).sort(bySlugThen);
  return [...ranked, ...rest];
}
