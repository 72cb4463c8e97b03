import { Readable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { DomainError } from '@rl/kernel';
import { ImportErrors } from '../../domain/reporting.errors';
import { unreadableFile } from './xlsx-archive';
import { readXlsxRows, SheetLimits, sheetLimitError, SheetRow } from './xlsx-sheet';

export { SheetLimits, SheetRow };

// How long reading and checking rows may hold the event loop before other requests get a turn.
const SLICE_MS = 10;
// The CSV parser takes the file in slices: handed the whole buffer it would parse it in one synchronous
// call, holding the event loop (and every record) until the end.
const SLICE_BYTES = 64 * 1024;

function* slices(buffer: Buffer): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += SLICE_BYTES) yield buffer.subarray(at, at + SLICE_BYTES);
}

// Caps on the shape of one sheet; the row cap comes from configuration (IMPORT_MAX_ROWS).
export const SHEET_LIMITS = { maxColumns: 100, maxCellChars: 2_000 } as const;

export const isXlsx = (name: string, buffer: Buffer) =>
  /\.xlsx$/i.test(name) || (buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50);

// Streams the rows of an Open SDG CSV (BOM and CRLF handled) or of the first worksheet of an XLSX file,
// header first, with caps on rows, columns and cell length, yielding to the event loop every SLICE_MS
// (the consumer's work on the rows included) so a large file does not hold the process.
export async function* readSheet(
  name: string,
  buffer: Buffer,
  limits: SheetLimits,
): AsyncGenerator<SheetRow> {
  let count = 0;
  let since = performance.now();
  for await (const row of isXlsx(name, buffer) ? readXlsxRows(buffer, limits) : readCsv(buffer, limits)) {
    // The header is not a data row.
    if (++count > limits.maxRows + 1) {
      throw sheetLimitError(ImportErrors.TOO_MANY_ROWS, `more than ${limits.maxRows} data rows`);
    }
    yield row;
    if (performance.now() - since > SLICE_MS) {
      await yieldToLoop();
      since = performance.now();
    }
  }
}

async function* readCsv(buffer: Buffer, limits: SheetLimits): AsyncGenerator<SheetRow> {
  const parser = Readable.from(slices(buffer)).pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
      // Characters in one record: bounds what an unterminated quote can make the parser hold.
      max_record_size: limits.maxColumns * limits.maxCellChars,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
    }>) {
      if (record.length > limits.maxColumns) {
        throw sheetLimitError(ImportErrors.TOO_MANY_COLUMNS, `more than ${limits.maxColumns} columns`);
      }
      if (record.some((cell) => cell.length > limits.maxCellChars)) {
        throw sheetLimitError(
          ImportErrors.CELL_TOO_LONG,
          `a cell is longer than ${limits.maxCellChars} characters`,
        );
      }
      yield { row: info.lines, cells: record, at: Math.min(info.bytes / Math.max(buffer.length, 1), 1) };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadableFile(error instanceof Error ? error.message : String(error));
  } finally {
    parser.destroy();
  }
}
