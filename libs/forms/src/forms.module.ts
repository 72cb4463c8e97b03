import { Module } from '@nestjs/common';
import { CollectionTemplates } from './collection-templates';
import { ImportTemplateHandler } from './commands/import-template/import-template.handler';
import { FormsController } from './forms.controller';
import { CollectionWork, PgCollectionWork } from './persistence/collection-work.repository';

// Collection tools: spreadsheet templates (download and upload) and XLSForms per assignment.
@Module({
  controllers: [FormsController],
  providers: [
    { provide: CollectionWork, useClass: PgCollectionWork },
    CollectionTemplates,
    ImportTemplateHandler,
  ],
})
export class FormsModule {}
