import { Injectable } from '@nestjs/common';
import { asCityId } from '@rl/kernel';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { ImportRunner } from './import-runner';

// The worker's side of a background import: the job only names it; its file and state are in PostgreSQL.
@Injectable()
@HandlesJob('imports.run')
export class RunImportJob implements JobHandlerOf<'imports.run'> {
  constructor(private readonly runner: ImportRunner) {}

  async handle({ cityId, importId }: JobPayloads['imports.run']): Promise<void> {
    await this.runner.run(asCityId(cityId), importId, { retry: true });
  }
}
