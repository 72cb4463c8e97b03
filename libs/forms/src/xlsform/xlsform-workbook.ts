import ExcelJS from 'exceljs';
import { XlsForm } from '../domain/xlsform';
import { WORKBOOK_DATE } from '../templates/template-workbook';

// The XLSForm as a workbook: sheets survey, choices and settings, a header row of column names each.
export async function xlsFormWorkbook(form: XlsForm): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rights Ledger';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  for (const name of ['survey', 'choices', 'settings'] as const) {
    const { columns, rows } = form[name];
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(columns);
    for (const row of rows) sheet.addRow(columns.map((column) => row[column] ?? ''));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
