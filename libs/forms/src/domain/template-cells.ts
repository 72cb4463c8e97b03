import { CellDisaggregation } from './cell-names';

export interface DeclaredDimension {
  dimension: string;
  values: string[];
}

// The cells a template and a mobile form ask for: the total, then every listed value of each dimension
// on its own (the marginals submissions carry). An open dimension (no listed values) has no fixed cells.
// The order is the definition's, so one definition version always gives the same rows.
export function templateCells(disaggregations: readonly DeclaredDimension[]): CellDisaggregation[] {
  return [
    {},
    ...disaggregations.flatMap(({ dimension, values }) => values.map((value) => ({ [dimension]: value }))),
  ];
}

// "Total" or "sex: F" (the row label of a cell).
export const cellLabel = (cell: CellDisaggregation, total: string): string =>
  Object.keys(cell).length === 0
    ? total
    : Object.entries(cell)
        .map(([dimension, value]) => `${dimension}: ${value}`)
        .join(', ');
