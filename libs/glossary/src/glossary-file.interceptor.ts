import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { GlossaryErrors } from './domain/glossary.errors';

export const MAX_GLOSSARY_FILE_BYTES = 2 * 1024 * 1024;

// One file part "file" of at most 2 MB (a glossary of a few thousand concepts), nothing else.
@Injectable()
export class GlossaryFileInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new (FileInterceptor('file', {
    limits: { fileSize: MAX_GLOSSARY_FILE_BYTES, files: 1, fields: 4, parts: 5, headerPairs: 20 },
  }))();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeException)) throw error;
      throw GlossaryErrors.IMPORT_TOO_LARGE({
        message: `The file is larger than ${MAX_GLOSSARY_FILE_BYTES / 1024 / 1024} MB`,
        errors: [{ field: 'file', message: `at most ${MAX_GLOSSARY_FILE_BYTES / 1024 / 1024} MB` }],
      });
    }
  }
}
