import { SetMetadata } from '@nestjs/common';
import { JobName, JobPayloads } from './queues';

export const JOB_HANDLER = 'rights-ledger:job-handler';

export interface JobHandlerOf<N extends JobName> {
  handle(payload: JobPayloads[N]): Promise<void>;
}

// Marks a provider as the handler of one job; the dispatcher checks at start-up that every job has
// exactly one.
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);
