import { Readable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { DomainError } from '@rl/kernel';

// One data row of an Open SDG file: its line number (header = 1) and its cells as text.
export interface SheetRow {
  row: number;
  cells: string[];
}

const CHUNK = 1000;

const unreadable = (message: string) =>
  new DomainError('bad_request', 'IMPORT.UNREADABLE_FILE', `The file cannot be read: ${message}`, [
    { field: 'file', message },
  ]);

const isXlsx = (name: string, buffer: Buffer) =>
  /\.xlsx$/i.test(name) || (buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50);

// Streams the rows of an Open SDG CSV (BOM and CRLF handled) or of the first worksheet of an XLSX file,
// header first, yielding to the event loop every CHUNK rows so a large file does not hold the API.
export async function* readSheet(name: string, buffer: Buffer): AsyncGenerator<SheetRow> {
  if (isXlsx(name, buffer)) {
    yield* readXlsx(buffer);
    return;
  }
  const parser = Readable.from([buffer]).pipe(
    parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: false }),
  );
  let count = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { row: info.lines, cells: record };
      if (++count % CHUNK === 0) await yieldToLoop();
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
}

async function* readXlsx(buffer: Buffer): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('the workbook has no worksheet');
  const width = sheet.getRow(1).cellCount;
  let count = 0;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(cellText(row.getCell(c)));
    if (cells.every((cell) => cell.trim() === '')) continue;
    yield { row: r, cells };
    if (++count % CHUNK === 0) await yieldToLoop();
  }
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'object' && 'result' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'number' || typeof result === 'string' ? String(result) : '';
  }
  return cell.text ?? '';
}
