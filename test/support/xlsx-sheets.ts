import request from 'supertest';
import * as XLSX from 'xlsx';

// supertest keeps a binary body as a Buffer only when told to.
export const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

// An XLSForm's sheets as a second reader (SheetJS) sees them: columns and rows by column name.
export function xlsFormSheets(workbook: Buffer) {
  const book = XLSX.read(workbook, { type: 'buffer' });
  const rows = (name: string) =>
    XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets[name], { defval: '' });
  const header = (name: string) => XLSX.utils.sheet_to_json<string[]>(book.Sheets[name], { header: 1 })[0];
  const sheet = (name: string) => ({ columns: header(name), rows: rows(name) });
  return { survey: sheet('survey'), choices: sheet('choices'), settings: sheet('settings') };
}
