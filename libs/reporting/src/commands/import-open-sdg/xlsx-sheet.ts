import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { CataloguedError, DomainError } from '@rl/kernel';
import { ImportErrors } from '../../domain/reporting.errors';
import { unreadableFile, XlsxArchive } from './xlsx-archive';

export interface SheetLimits {
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
}

export interface SheetRow {
  row: number;
  cells: string[];
  // Share of the input read so far (0-1), for progress.
  at: number;
}

// Parts other than the sheet itself are small; these caps hold before they are read.
const SMALL_PART_BYTES = 4 * 1024 * 1024;
const SHARED_STRINGS_BYTES = 64 * 1024 * 1024;

const local = (name: string) => name.slice(name.indexOf(':') + 1);

export const sheetLimitError = (error: CataloguedError, message: string) =>
  error({ message: `The file is refused: ${message}`, errors: [{ field: 'file', message }] });

// Feeds a part's bytes to a SAX parser and yields what its handlers emitted after each chunk, so a
// sheet of any length is read with one chunk of XML and one row in memory.
async function* xmlItems<T>(
  source: Promise<Readable>,
  setup: (parser: SaxesParser, emit: (item: T) => void) => void,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<T> {
  const parser = new SaxesParser();
  const out: T[] = [];
  setup(parser, (item) => out.push(item));
  const decoder = new StringDecoder('utf8');
  const write = (text: string) => {
    try {
      parser.write(text);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw unreadableFile(`malformed XML: ${(error as Error).message.slice(0, 200)}`);
    }
  };
  for await (const chunk of (await source) as AsyncIterable<Buffer>) {
    onBytes(chunk.length);
    write(decoder.write(chunk));
    yield* out.splice(0);
  }
  write(decoder.end());
  parser.close();
  yield* out.splice(0);
}

async function collect<T>(items: AsyncGenerator<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

// Where the first worksheet and the shared strings are, from the workbook and its relationships.
async function locateParts(archive: XlsxArchive): Promise<{ sheet: string; sharedStrings?: string }> {
  const attributes = (name: string, tag: string) =>
    collect(
      xmlItems<Record<string, string>>(archive.stream(name, SMALL_PART_BYTES), (parser, emit) =>
        parser.on('opentag', (t: SaxesTagPlain) => {
          if (local(t.name) === tag) emit(t.attributes);
        }),
      ),
    );
  const [first] = await attributes('xl/workbook.xml', 'sheet');
  if (!first) throw unreadableFile('the workbook has no worksheet');
  const relations = archive.has('xl/_rels/workbook.xml.rels')
    ? await attributes('xl/_rels/workbook.xml.rels', 'Relationship')
    : [];
  const target = (r: Record<string, string> | undefined) =>
    r?.Target && (r.Target.startsWith('/') ? r.Target.slice(1) : posix.normalize(posix.join('xl', r.Target)));
  const rid = Object.entries(first).find(([k]) => local(k) === 'id')?.[1];
  const sheet = target(relations.find((r) => r.Id === rid)) || 'xl/worksheets/sheet1.xml';
  const shared = target(relations.find((r) => /\/sharedStrings$/.test(r.Type ?? '')));
  const sharedStrings = shared || (archive.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
  return { sheet, sharedStrings };
}

// Text runs of a string item (<si> or an inline <is>), leaving out phonetic hints (<rPh>). The parser
// takes one handler per event, so the sheet's handlers call into this.
class StringRuns {
  private phonetic = 0;
  private capturing = false;
  private text = '';

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.capturing = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.capturing = false;
  }

  add(chunk: string, maxChars: number): void {
    if (!this.capturing) return;
    this.text += chunk;
    if (this.text.length > maxChars) throw cellTooLong(maxChars);
  }

  take(): string {
    const text = this.text;
    this.text = '';
    return text;
  }
}

const cellTooLong = (maxChars: number) =>
  sheetLimitError(ImportErrors.CELL_TOO_LONG, `a cell is longer than ${maxChars} characters`);

async function readSharedStrings(archive: XlsxArchive, name: string | undefined): Promise<string[]> {
  if (!name || !archive.has(name)) return [];
  return collect(
    xmlItems<string>(archive.stream(name, SHARED_STRINGS_BYTES), (parser, emit) => {
      const runs = new StringRuns();
      parser.on('opentag', (t: SaxesTagPlain) => runs.open(local(t.name)));
      parser.on('text', (chunk) => runs.add(chunk, SHARED_STRINGS_BYTES));
      parser.on('closetag', (t: SaxesTagPlain) => {
        const name = local(t.name);
        runs.close(name);
        if (name === 'si') emit(runs.take());
      });
    }),
  );
}

// "BC12" → 54 (zero-based column).
const columnOf = (ref: string): number => {
  let column = 0;
  for (const char of ref.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
};

const cellText = (type: string, raw: string, shared: string[]): string => {
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'b':
      return raw === '1' ? 'true' : 'false';
    case 'n': {
      const number = Number(raw);
      return raw.trim() !== '' && Number.isFinite(number) ? String(number) : raw;
    }
    default:
      return raw;
  }
};

// The rows of the workbook's first worksheet as text, read as a stream. Styles are not read: a Year
// typed as a date would arrive as its serial number (Open SDG years are numbers or text).
export async function* readXlsxRows(buffer: Buffer, limits: SheetLimits): AsyncGenerator<SheetRow> {
  const archive = await XlsxArchive.open(buffer);
  try {
    const parts = await locateParts(archive);
    const shared = await readSharedStrings(archive, parts.sharedStrings);
    const size = Math.max(archive.declaredSize(parts.sheet), 1);
    let read = 0;
    yield* xmlItems<SheetRow>(
      archive.stream(parts.sheet),
      (parser, emit) => {
        const runs = new StringRuns();
        let row = 0;
        let cells: string[] = [];
        let cell: { column: number; type: string; value: string } | null = null;
        let inValue = false;
        parser.on('opentag', (t: SaxesTagPlain) => {
          const name = local(t.name);
          runs.open(name);
          if (name === 'row') {
            row = Number(t.attributes.r) || row + 1;
            cells = [];
          } else if (name === 'c') {
            const column = t.attributes.r ? columnOf(t.attributes.r) : cells.length;
            if (column >= limits.maxColumns) {
              throw sheetLimitError(ImportErrors.TOO_MANY_COLUMNS, `more than ${limits.maxColumns} columns`);
            }
            cell = { column, type: t.attributes.t ?? 'n', value: '' };
          } else if (name === 'v') inValue = true;
        });
        parser.on('text', (chunk) => {
          if (!cell) return;
          runs.add(chunk, limits.maxCellChars);
          if (!inValue) return;
          cell.value += chunk;
          if (cell.value.length > limits.maxCellChars) throw cellTooLong(limits.maxCellChars);
        });
        parser.on('closetag', (t: SaxesTagPlain) => {
          const name = local(t.name);
          runs.close(name);
          if (name === 'v') inValue = false;
          else if (name === 'c' && cell) {
            const value = cellText(cell.type, cell.type === 'inlineStr' ? runs.take() : cell.value, shared);
            if (value.length > limits.maxCellChars) throw cellTooLong(limits.maxCellChars);
            cells[cell.column] = value;
            cell = null;
          } else if (name === 'row' && cells.some((c) => c.trim() !== '')) {
            emit({ row, cells: Array.from(cells, (c) => c ?? ''), at: Math.min(read / size, 1) });
          }
        });
      },
      (bytes) => (read += bytes),
    );
  } finally {
    archive.close();
  }
}
