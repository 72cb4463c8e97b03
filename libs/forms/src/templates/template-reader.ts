import ExcelJS from 'exceljs';
import { LAYOUT, META_SHEET } from '../domain/template-sheet';
import { META_FIELDS, TemplateMeta } from '../domain/template-meta';

// Sheets one upload may carry: an "all my assignments" workbook is bounded by the open work of one
// organisation, far below this.
export const MAX_TEMPLATE_SHEETS = 200;

export interface FilledSheet {
  meta: TemplateMeta;
  signature: string;
  // False when the sheet the metadata names is gone (renamed or deleted).
  present: boolean;
  // The value cells from the first cell row on, as typed: a number, a text, or null when empty.
  values: (count: number) => { row: number; raw: number | string | null }[];
}

// What a spreadsheet cell holds, reduced to what a value can be: formulas give their result, rich text
// its plain text; dates, errors and booleans are text (the checks refuse them).
function rawValue(value: ExcelJS.CellValue): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'result' in value) return rawValue(value.result);
  if (typeof value === 'object' && 'richText' in value)
    return rawValue(value.richText.map((r) => r.text).join(''));
  if (typeof value === 'object' && 'error' in value) return String(value.error);
  if (typeof value === 'boolean') return String(value);
  // A hyperlink, a shared formula without result: what it shows, or nothing usable.
  return 'text' in value && typeof value.text === 'string' ? value.text : '?';
}

const text = (value: ExcelJS.CellValue): string => {
  const raw = rawValue(value);
  return raw === null ? '' : String(raw);
};

// The metadata rows of a template workbook, or null when it has no metadata sheet (not a template).
// The caller has checked the archive's caps before this inflates it.
export async function readTemplate(buffer: Buffer): Promise<FilledSheet[] | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const meta = workbook.getWorksheet(META_SHEET);
  if (!meta) return null;
  const header = META_FIELDS.map((_, i) => text(meta.getCell(1, i + 1).value));
  if (header.some((name, i) => name !== META_FIELDS[i])) return null;
  const sheets: FilledSheet[] = [];
  for (let row = 2; row <= Math.min(meta.rowCount, MAX_TEMPLATE_SHEETS + 1); row++) {
    const cells = [...META_FIELDS, 'signature'].map((_, i) => text(meta.getCell(row, i + 1).value));
    if (cells.every((cell) => cell === '')) continue;
    const fields = Object.fromEntries(META_FIELDS.map((field, i) => [field, cells[i]]));
    const parsed: TemplateMeta = {
      sheet: fields.sheet,
      cityId: fields.cityId,
      assignmentId: fields.assignmentId,
      indicatorId: fields.indicatorId,
      periodId: fields.periodId,
      definitionVersion: Number(fields.definitionVersion),
      templateVersion: Number(fields.templateVersion),
    };
    const worksheet = workbook.getWorksheet(parsed.sheet);
    sheets.push({
      meta: parsed,
      signature: cells[META_FIELDS.length],
      present: worksheet !== undefined,
      values: (count) =>
        Array.from({ length: count }, (_, i) => {
          const at = LAYOUT.firstCellRow + i;
          return {
            row: at,
            raw: worksheet ? rawValue(worksheet.getCell(at, LAYOUT.valueColumn).value) : null,
          };
        }),
    });
  }
  return sheets;
}
