import { CellDisaggregation } from '../../domain/cell-names';
import { LAYOUT } from '../../domain/template-sheet';
import { parseLocaleNumber } from '../../domain/locale-number';

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

// A filled template sheet as an Open SDG CSV for the import every other file goes through: one line per
// cell on the line number of its row in the sheet (blank lines before), so the import report names the
// spreadsheet's rows. Numbers typed as text are read locale-independently; a text that is not a plain
// number is passed on marked, so that the import refuses it with the row named.
export function templateCsv(
  periodCode: string,
  cells: readonly CellDisaggregation[],
  values: readonly { row: number; raw: number | string | null }[],
): string {
  const dimensions = [...new Set(cells.flatMap((cell) => Object.keys(cell)))];
  const lines = Array.from({ length: LAYOUT.headerRow - 1 }, () => '');
  lines.push(['Year', ...dimensions, 'Value'].map(quote).join(','));
  cells.forEach((cell, i) => {
    const { raw } = values[i];
    const value =
      raw === null
        ? ''
        : typeof raw === 'number'
          ? String(raw)
          : String(parseLocaleNumber(raw) ?? `${raw} (not a plain number)`);
    lines.push([periodCode, ...dimensions.map((d) => cell[d] ?? ''), value].map(quote).join(','));
  });
  return `${lines.join('\n')}\n`;
}
