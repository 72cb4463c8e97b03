import { Readable, Transform, TransformCallback } from 'node:stream';
import yauzl, { Entry, ZipFile } from 'yauzl';
import { DomainError } from '@rl/kernel';
import { ImportErrors } from '../../domain/reporting.errors';

// Caps checked on the central directory before a single byte is inflated. A real Open SDG workbook is
// a handful of entries and a few MB of XML; 200,000 rows of sheet XML stay well under these.
export const ARCHIVE_LIMITS = {
  entries: 1_000,
  entryBytes: 128 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
  // Deflated XML compresses 5-20×; zeros (the classic bomb) about 1000×. Checked on entries over 1 MiB.
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
} as const;

const tooLarge = (message: string) =>
  ImportErrors.ARCHIVE_TOO_LARGE({
    message: `The workbook is refused: ${message}`,
    errors: [{ field: 'file', message }],
  });

export const unreadableFile = (message: string) =>
  ImportErrors.UNREADABLE_FILE({
    message: `The file cannot be read: ${message}`,
    errors: [{ field: 'file', message }],
  });

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

// Counts inflated bytes and fails as soon as an entry yields more than its declared size: the declared
// sizes were checked, so the stream must not be allowed to exceed them.
class ByteCap extends Transform {
  private seen = 0;

  constructor(
    private readonly name: string,
    private readonly cap: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.cap) {
      done(tooLarge(`${this.name} inflates past its declared ${this.cap} bytes`));
      return;
    }
    done(null, chunk);
  }
}

// An XLSX (ZIP) archive whose central directory passed the caps; parts are inflated one at a time.
export class XlsxArchive {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(buffer: Buffer): Promise<XlsxArchive> {
    let zip: ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
    } catch (error) {
      throw unreadableFile(`not a valid XLSX (ZIP) file: ${(error as Error).message}`);
    }
    const entries = new Map<string, Entry>();
    let total = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('error', reject);
        zip.on('end', () => resolve());
        zip.on('entry', (entry: Entry) => {
          const problem = XlsxArchive.check(entry, entries.size + 1, (total += entry.uncompressedSize));
          if (problem) {
            reject(problem);
            return;
          }
          entries.set(entry.fileName.replace(/^\/+/, ''), entry);
          zip.readEntry();
        });
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      if (error instanceof DomainError) throw error;
      throw unreadableFile(`not a valid XLSX (ZIP) file: ${(error as Error).message}`);
    }
    return new XlsxArchive(zip, entries);
  }

  private static check(entry: Entry, count: number, total: number): DomainError | null {
    const { fileName, uncompressedSize: size, compressedSize } = entry;
    if (count > ARCHIVE_LIMITS.entries) return tooLarge(`more than ${ARCHIVE_LIMITS.entries} entries`);
    if (size > ARCHIVE_LIMITS.entryBytes) {
      return tooLarge(
        `${fileName.slice(0, 100)} declares ${mib(size)} (at most ${mib(ARCHIVE_LIMITS.entryBytes)})`,
      );
    }
    if (total > ARCHIVE_LIMITS.totalBytes) {
      return tooLarge(`its entries declare more than ${mib(ARCHIVE_LIMITS.totalBytes)} in all`);
    }
    if (size > ARCHIVE_LIMITS.ratioFloorBytes && size / Math.max(compressedSize, 1) > ARCHIVE_LIMITS.ratio) {
      return tooLarge(`${fileName.slice(0, 100)} is compressed more than ${ARCHIVE_LIMITS.ratio}:1`);
    }
    return null;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  // The inflated bytes of one part, capped at its declared size (and at `maxBytes` if smaller).
  async stream(name: string, maxBytes: number = ARCHIVE_LIMITS.entryBytes): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw unreadableFile(`the workbook has no ${name}`);
    if (entry.uncompressedSize > maxBytes) {
      throw tooLarge(`${name} declares ${mib(entry.uncompressedSize)} (at most ${mib(maxBytes)})`);
    }
    let raw: Readable;
    try {
      raw = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw unreadableFile(`${name}: ${(error as Error).message}`);
    }
    const capped = new ByteCap(name, entry.uncompressedSize);
    raw.on('error', (error: Error) =>
      capped.destroy(error instanceof DomainError ? error : tooLargeOr(error)),
    );
    // A consumer that stops early (a cap, a parse error) stops the inflating too.
    capped.on('close', () => raw.destroy());
    return raw.pipe(capped);
  }

  declaredSize(name: string): number {
    return this.entries.get(name)?.uncompressedSize ?? 0;
  }

  // Every part's name (for a reader that inflates the whole workbook: see libs/forms).
  names(): string[] {
    return [...this.entries.keys()];
  }

  close(): void {
    this.zip.close();
  }
}

// yauzl's own size check ("too many bytes in the stream") is the lying-header case too.
const tooLargeOr = (error: Error) =>
  /too many bytes|too few bytes/.test(error.message)
    ? tooLarge(`an entry inflates to another size than it declares (${error.message})`)
    : unreadableFile(error.message);
