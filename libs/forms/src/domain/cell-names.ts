// XLSForm question names for the disaggregation cells of an indicator: mobile-form platforms answer with
// these names, so the same definition must always give the same names (pulls map answers back by them).
// A name is an XML name made of the cell's dimension/value pairs (`sex_F`, `sex_F__age_0_17`), the total
// is `total`; names that collide after cleaning get `_2`, `_3`… in the order the cells are given.

export type CellDisaggregation = Record<string, string>;

export const TOTAL_QUESTION = 'total';

const clean = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

function baseName(cell: CellDisaggregation): string {
  const dimensions = Object.keys(cell).sort();
  if (dimensions.length === 0) return TOTAL_QUESTION;
  const name = dimensions.map((dimension) => `${clean(dimension)}_${clean(cell[dimension])}`).join('__');
  return /^[A-Za-z_]/.test(name) ? name : `q_${name}`;
}

// Question name → cell, in the order of `cells`.
export function cellQuestionNames(cells: readonly CellDisaggregation[]): Map<string, CellDisaggregation> {
  const names = new Map<string, CellDisaggregation>();
  for (const cell of cells) {
    const base = baseName(cell);
    let name = base;
    for (let n = 2; names.has(name); n += 1) name = `${base}_${n}`;
    names.set(name, cell);
  }
  return names;
}
