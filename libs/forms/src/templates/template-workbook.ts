import ExcelJS from 'exceljs';
import { LAYOUT, LISTS_SHEET, META_SHEET, TemplateSheet } from '../domain/template-sheet';
import { META_FIELDS, signTemplateMeta, TEMPLATE_VERSION, TemplateMeta } from '../domain/template-meta';
import { valueRule } from '../domain/value-rule';

// Fixed workbook dates: the same work gives the same workbook (the generation time says nothing useful).
export const WORKBOOK_DATE = new Date('2025-01-01T00:00:00Z');
// The yes/no dropdown: a range on the very-hidden lists sheet (inline lists over 255 characters break
// Excel, so every list lives there).
const YES_NO_RANGE = `${LISTS_SHEET}!$A$1:$A$2`;
// Spreadsheet validation needs bounds; these are wider than any indicator value.
const UNBOUNDED = 1e15;

function validation(sheet: TemplateSheet): ExcelJS.DataValidation {
  const rule = valueRule(sheet.kind);
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: sheet.copy.promptTitle,
    prompt: sheet.copy.prompt[sheet.kind],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: sheet.copy.value,
    error: sheet.copy.error[sheet.kind],
  } as const;
  if (rule.spreadsheet === 'list') return { ...messages, type: 'list', formulae: [YES_NO_RANGE] };
  return {
    ...messages,
    type: rule.spreadsheet,
    operator: 'between',
    formulae: [rule.min ?? -UNBOUNDED, rule.max ?? UNBOUNDED],
  };
}

async function addWorkSheet(workbook: ExcelJS.Workbook, sheet: TemplateSheet): Promise<void> {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: LAYOUT.headerRow }] });
  ws.getColumn(LAYOUT.labelColumn).width = 36;
  ws.getColumn(LAYOUT.valueColumn).width = 16;
  ws.getColumn(LAYOUT.lastValueColumn).width = 26;
  sheet.facts.forEach(([label, value], i) => {
    ws.getCell(i + 1, 1).value = label;
    ws.getCell(i + 1, 1).font = { bold: true };
    ws.getCell(i + 1, 2).value = value;
  });
  ws.getCell(sheet.facts.length + 1, 1).value = sheet.copy.instructions;
  const header = ws.getRow(LAYOUT.headerRow);
  header.getCell(LAYOUT.labelColumn).value = sheet.copy.cell;
  header.getCell(LAYOUT.valueColumn).value = sheet.copy.value;
  header.getCell(LAYOUT.lastValueColumn).value = sheet.copy.lastValidated;
  header.font = { bold: true };
  const rule = validation(sheet);
  for (const { row, label, lastValue } of sheet.rows) {
    ws.getCell(row, LAYOUT.labelColumn).value = label;
    ws.getCell(row, LAYOUT.lastValueColumn).value = lastValue;
    const input = ws.getCell(row, LAYOUT.valueColumn);
    input.protection = { locked: false };
    input.dataValidation = rule;
    input.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } };
  }
  // No password: the protection keeps the layout the upload relies on, it is not a security boundary
  // (the signed metadata and the checks on upload are).
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

// The workbook of a template: a protected sheet per piece of work, the very-hidden lists sheet and the
// very-hidden metadata sheet (one signed row per work sheet).
export async function templateWorkbook(
  sheets: readonly TemplateSheet[],
  signingKey: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rights Ledger';
  workbook.lastModifiedBy = 'Rights Ledger';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  for (const sheet of sheets) await addWorkSheet(workbook, sheet);

  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  lists.getCell('A1').value = 0;
  lists.getCell('A2').value = 1;

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow([...META_FIELDS, 'signature']);
  for (const sheet of sheets) {
    const signed: TemplateMeta = { ...sheet.meta, templateVersion: TEMPLATE_VERSION };
    meta.addRow([...META_FIELDS.map((field) => signed[field]), signTemplateMeta(signed, signingKey)]);
  }
  await meta.protect('', {});
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
