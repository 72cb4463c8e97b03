import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@rl/config';
import { CityId, DomainError } from '@rl/kernel';
import {
  ImportErrors,
  ImportOpenSdgCommand,
  ImportQueuedView,
  ImportResultView,
  ImportTemplateCommand,
  TemplateErrors,
  XlsxArchive,
} from '@rl/reporting';
import { CommandMetadata } from '@rl/web';
import { templateCells } from '../../domain/template-cells';
import { TEMPLATE_VERSION, verifyTemplateMeta } from '../../domain/template-meta';
import { CollectionWork } from '../../persistence/collection-work.repository';
import { FilledSheet, readTemplate } from '../../templates/template-reader';
import { mergeReports, TemplateImport } from './merge-reports';
import { templateCsv } from './template-rows';

// A template is a few hundred KiB inflated; the whole workbook is inflated by the reader (exceljs), so
// its declared size is capped far below an Open SDG workbook's.
const MAX_TEMPLATE_INFLATED_BYTES = 32 * 1024 * 1024;

// The caps of every XLSX upload on the central directory, then a total for templates, then every part
// inflated once through the archive's byte caps (so a part whose header lies about its size is refused
// here, before the reader trusts the header).
async function inflatesWithinCaps(buffer: Buffer): Promise<void> {
  const archive = await XlsxArchive.open(buffer);
  try {
    const names = archive.names();
    const total = names.reduce((sum, name) => sum + archive.declaredSize(name), 0);
    if (total > MAX_TEMPLATE_INFLATED_BYTES) {
      const message = `a template inflates to at most ${MAX_TEMPLATE_INFLATED_BYTES / 1024 / 1024} MiB`;
      throw ImportErrors.ARCHIVE_TOO_LARGE({ message, errors: [{ field: 'file', message }] });
    }
    for (const name of names) {
      if (name.endsWith('/')) continue;
      for await (const chunk of await archive.stream(name)) void chunk;
    }
  } finally {
    archive.close();
  }
}

const fileError = (error: typeof TemplateErrors.TAMPERED, message: string) =>
  error({ message: `${error.message}: ${message}`, errors: [{ field: 'file', message }] });

// A filled spreadsheet template: its signed metadata says which assignment each sheet is for; each
// sheet's values go through the Open SDG import (same checks, four-eyes, events, report, all or nothing
// per sheet). With several sheets every one is checked first (a dry run), and written only if all pass.
@CommandHandler(ImportTemplateCommand)
export class ImportTemplateHandler implements ICommandHandler<
  ImportTemplateCommand,
  ImportResultView | ImportQueuedView
> {
  constructor(
    private readonly commands: CommandBus,
    private readonly work: CollectionWork,
    private readonly config: AppConfig,
  ) {}

  async execute(command: ImportTemplateCommand): Promise<ImportResultView | ImportQueuedView> {
    const { cityId, input, file, metadata } = command;
    for (const field of ['organisationId', 'mapping'] as const) {
      if (input[field] !== undefined) {
        throw TemplateErrors.NOT_A_TEMPLATE({
          errors: [{ field, message: 'is not used with a template (its metadata says what it is for)' }],
        });
      }
    }
    const sheets = await this.read(file.buffer);
    const imports: TemplateImport[] = [];
    for (const sheet of sheets) imports.push(await this.prepare(cityId, sheet, metadata, file.name));
    const dryRun = input.dryRun === 'true';
    if (imports.length === 1) return this.run(command, imports[0], dryRun);
    // Several sheets: all are checked before any is written.
    const checks = await this.runAll(command, imports, true);
    if (dryRun || !checks.every((r) => r.ok))
      return mergeReports(imports, checks, { throwIfRejected: !dryRun });
    return mergeReports(imports, await this.runAll(command, imports, false), { throwIfRejected: true });
  }

  private async read(buffer: Buffer): Promise<FilledSheet[]> {
    const notTemplate = () =>
      TemplateErrors.NOT_A_TEMPLATE({
        errors: [{ field: 'indicatorId', message: 'is required: the file is no spreadsheet template' }],
      });
    if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw notTemplate();
    await inflatesWithinCaps(buffer);
    let sheets: FilledSheet[] | null;
    try {
      sheets = await readTemplate(buffer);
    } catch {
      throw ImportErrors.UNREADABLE_FILE({
        errors: [{ field: 'file', message: 'is not a readable workbook' }],
      });
    }
    if (!sheets || sheets.length === 0) throw notTemplate();
    // One sheet per assignment, as generated: a copied metadata row would pass the dry run twice and
    // then half-apply the upload (its second write refused once the first is in).
    const assignments = new Set<string>();
    for (const { meta } of sheets) {
      if (assignments.has(meta.assignmentId)) {
        const message = `sheet "${meta.sheet.slice(0, 40)}" repeats the assignment of another sheet`;
        throw fileError(TemplateErrors.TAMPERED, message);
      }
      assignments.add(meta.assignmentId);
    }
    return sheets;
  }

  private async prepare(
    cityId: CityId,
    { meta, signature, present, values }: FilledSheet,
    metadata: CommandMetadata,
    fileName: string,
  ): Promise<TemplateImport> {
    const sheet = `sheet "${meta.sheet.slice(0, 40)}"`;
    if (!verifyTemplateMeta(meta, signature, this.config.templates.signingKey)) {
      throw fileError(TemplateErrors.TAMPERED, `the metadata of ${sheet} does not match its signature`);
    }
    if (!present) throw fileError(TemplateErrors.TAMPERED, `${sheet} was renamed or removed`);
    if (meta.cityId !== cityId) throw fileError(TemplateErrors.OTHER_CITY, `${sheet} is for another city`);
    if (meta.templateVersion !== TEMPLATE_VERSION) {
      throw fileError(TemplateErrors.STALE_DEFINITION, `${sheet} has an older layout`);
    }
    const [assignment] = await this.work.assignments(cityId, [meta.assignmentId]);
    const mine = metadata.actorRole !== 'collector' || assignment?.organisationId === metadata.organisationId;
    if (!assignment || !assignment.active || !mine) {
      throw fileError(TemplateErrors.NOT_YOURS, `the assignment of ${sheet} is not yours or was withdrawn`);
    }
    const indicator = await this.work.indicator(cityId, assignment.indicatorId);
    if (!indicator || indicator.version !== meta.definitionVersion) {
      throw fileError(
        TemplateErrors.STALE_DEFINITION,
        `the indicator of ${sheet} was redefined (version ${meta.definitionVersion} → ${indicator?.version})`,
      );
    }
    const cells = templateCells(indicator.definition.disaggregations);
    return {
      sheet: meta.sheet,
      indicatorId: assignment.indicatorId,
      organisationId: assignment.organisationId,
      fileName: `${fileName.slice(0, 150)} [${meta.sheet}].csv`,
      csv: Buffer.from(templateCsv(assignment.periodCode, cells, values(cells.length))),
    };
  }

  private run(command: ImportTemplateCommand, work: TemplateImport, dryRun: boolean) {
    const { cityId, timezone, metadata } = command;
    const input = {
      indicatorId: work.indicatorId,
      organisationId: work.organisationId,
      dryRun: dryRun ? ('true' as const) : ('false' as const),
    };
    return this.commands.execute(
      new ImportOpenSdgCommand(cityId, timezone, input, { name: work.fileName, buffer: work.csv }, metadata),
    );
  }

  // One sheet after the other; a rejected sheet gives its report instead of failing the rest.
  private async runAll(command: ImportTemplateCommand, imports: readonly TemplateImport[], dryRun: boolean) {
    const reports: ImportResultView[] = [];
    for (const work of imports) {
      try {
        const result = await this.run(command, work, dryRun);
        // A template sheet is far below the size that would go to the worker.
        if (!('ok' in result)) throw new Error('A template sheet was queued');
        reports.push(result);
      } catch (error) {
        const report =
          error instanceof DomainError && error.code === ImportErrors.REJECTED.code
            ? (error.details as { report?: ImportResultView } | undefined)?.report
            : undefined;
        if (!report) throw error;
        reports.push(report);
      }
    }
    return reports;
  }
}
