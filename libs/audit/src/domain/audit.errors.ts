import { DomainError } from '@rl/kernel';

export const auditStreamNotFound = (streamId: string) =>
  new DomainError('not_found', 'AUDIT.STREAM_NOT_FOUND', `No stream ${streamId} in this city`, [
    { field: 'streamId', message: 'no such stream in this city' },
  ]);
