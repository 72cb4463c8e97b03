import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { ImportErrors } from './domain/reporting.errors';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

// Multipart limits: one file part, a few small text fields (the mapping is the largest, ≤ 100,000
// characters), so a request cannot make the parser hold more than the file and ~1 MB of fields.
const LIMITS = {
  fileSize: MAX_IMPORT_BYTES,
  files: 1,
  fields: 8,
  fieldSize: 400 * 1024,
  fieldNameSize: 100,
  parts: 9,
  headerPairs: 20,
};

// Multer's FileInterceptor with the limits; its errors become problems naming the offending part.
@Injectable()
export class ImportFileInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new (FileInterceptor('file', { limits: LIMITS }))();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new PayloadTooLargeException(`file: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      }
      if (error instanceof BadRequestException) {
        // Nest words them "<what> - <part name>" when multer knows the part.
        const [, what, part] = /^(.*?)(?: - (.+))?$/.exec(error.message) ?? [];
        const field = part?.slice(0, 100) ?? (/file/i.test(what) ? 'file' : 'body');
        throw ImportErrors.MULTIPART_LIMIT({
          message: `${field}: ${what}`,
          errors: [
            {
              field,
              message: `${what} (one file part "file" of at most 20 MB and at most ${LIMITS.fields} text fields)`,
            },
          ],
        });
      }
      throw error;
    }
  }
}
