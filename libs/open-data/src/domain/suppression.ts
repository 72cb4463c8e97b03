// Statistical disclosure control of one output (all periods and disaggregations of one indicator).
//
// Primary suppression hides a cell whose value is above 0 and below the minimum count: it may single
// out a few people. A 0 is published: it discloses no one, and hiding every zero would blank most
// sparse tables. Secondary suppression then makes sure no hidden cell can be recovered by subtraction:
// within one period, a cell and its breakdown by one dimension (the other dimensions held equal) form
// an additive relation (total = sum of the cells). A relation with exactly one hidden member would give
// it away, so its smallest visible member is hidden too, until no relation has exactly one. Periods are
// reported separately and never summed, so no relation spans periods.

export interface Cell {
  period: string;
  disaggregation: Record<string, string>;
  value: number;
}

export interface DisclosureRule {
  minCount: number;
  secondary: boolean;
}

export type Suppression = 'primary' | 'secondary' | null;

export const MIN_COUNT_LIMIT = 1_000_000;

const keyOf = (d: Record<string, string>) =>
  Object.keys(d)
    .sort()
    .map((k) => `${k}:${d[k]}`)
    .join(',');

const cellId = (period: string, d: Record<string, string>) => `${period}|${keyOf(d)}`;

// Every additive relation of the output, as indexes into `cells`: a parent first, then its children
// along one dimension. Relations with a parent but no child carry no constraint and are left out.
export function additiveRelations(cells: readonly Cell[]): number[][] {
  const index = new Map(cells.map((c, i) => [cellId(c.period, c.disaggregation), i]));
  const relations = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    for (const dimension of Object.keys(cell.disaggregation)) {
      const parentDisaggregation = { ...cell.disaggregation };
      delete parentDisaggregation[dimension];
      const parent = index.get(cellId(cell.period, parentDisaggregation));
      if (parent === undefined) continue;
      const relation = `${parent}/${dimension}`;
      const members = relations.get(relation) ?? [parent];
      members.push(i);
      relations.set(relation, members);
    }
  });
  return [...relations.values()];
}

// Which cells to hide, in the order of `cells`.
export function suppress(cells: readonly Cell[], rule: DisclosureRule | null): Suppression[] {
  const marks: Suppression[] = cells.map((c) =>
    rule && c.value > 0 && c.value < rule.minCount ? 'primary' : null,
  );
  if (!rule?.secondary || !marks.some(Boolean)) return marks;
  const relations = additiveRelations(cells);
  for (let changed = true; changed;) {
    changed = false;
    for (const members of relations) {
      const hidden = members.filter((i) => marks[i]);
      if (hidden.length !== 1) continue;
      const complement = members
        .filter((i) => !marks[i])
        .reduce((best, i) => (best === -1 || cells[i].value < cells[best].value ? i : best), -1);
      marks[complement] = 'secondary';
      changed = true;
    }
  }
  return marks;
}
