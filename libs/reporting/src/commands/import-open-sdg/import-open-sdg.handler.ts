import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@rl/config';
import { ImportWakeups } from '../../imports/import-sweep';
import { ImportRequest, ImportsStore } from '../../imports/imports.store';
import { SubmissionChecks, submittingOrganisation } from '../../submissions/submission-writes';
import { ImportOpenSdgCommand } from './import-open-sdg.command';
import { ImportQueuedView, ImportResultView } from './import-open-sdg.dto';
import { parseMapping } from './import-mapping';
import { ImportRunner } from './import-runner';
import { isXlsx } from './open-sdg-rows';
import { XlsxArchive } from './xlsx-archive';

// Accepts an upload: what can be refused at once is (bad fields, an unknown indicator, a workbook whose
// central directory breaks the caps); then the file is stored and imported now when small, else by the
// worker.
@CommandHandler(ImportOpenSdgCommand)
export class ImportOpenSdgHandler implements ICommandHandler<
  ImportOpenSdgCommand,
  ImportResultView | ImportQueuedView
> {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly checks: SubmissionChecks,
    private readonly store: ImportsStore,
    private readonly runner: ImportRunner,
    private readonly config: AppConfig,
    private readonly wakeups: ImportWakeups,
  ) {}

  async execute(command: ImportOpenSdgCommand): Promise<ImportResultView | ImportQueuedView> {
    const { cityId, timezone, input, file, metadata } = command;
    const organisationId = submittingOrganisation(input.organisationId, metadata);
    parseMapping(input.mapping);
    await this.checks.activeIndicator(cityId, input.indicatorId);
    if (isXlsx(file.name, file.buffer)) (await XlsxArchive.open(file.buffer)).close();

    const id = uuidv7();
    const request: ImportRequest = { input: { ...input }, timezone, organisationId, metadata };
    await this.store.insert(cityId, {
      id,
      indicatorId: input.indicatorId,
      organisationId,
      createdBy: metadata.actorId,
      fileName: file.name.slice(0, 255),
      content: file.buffer,
      request,
    });
    if (file.buffer.length <= this.config.imports.syncMaxBytes) {
      const outcome = await this.runner.run(cityId, id, { retry: false });
      if (outcome?.error) throw outcome.error;
      if (outcome?.report) return { id, ...outcome.report };
    }
    try {
      await this.wakeups.wake(cityId, id);
    } catch (error) {
      // The row is the truth: the sweep enqueues it again.
      this.logger.warn({ err: error, cityId, importId: id }, 'Could not enqueue the import; the sweep will');
    }
    return { id, status: 'queued' };
  }
}
