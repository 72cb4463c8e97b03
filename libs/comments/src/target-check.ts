import { EntityManager } from 'typeorm';
import { indicatorStream } from '@rl/indicators';
import { DomainError } from '@rl/kernel';
import { periodStream, submissionStream } from '@rl/reporting';
import { CommentTarget } from './domain/comment.events';

const TARGET_STREAMS = {
  indicator: indicatorStream,
  submission: submissionStream,
  period: periodStream,
} satisfies Record<CommentTarget['kind'], (id: string) => string>;

// A comment's target holds if its stream exists in the city's log (row-level security limits `em`'s
// transaction to the city). The reporting context's equivalent helper is not exported.
export async function assertTargetInCity(em: EntityManager, target: CommentTarget): Promise<void> {
  const rows = await em.query<unknown[]>(`SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1`, [
    TARGET_STREAMS[target.kind](target.id),
  ]);
  if (rows.length === 0) {
    throw new DomainError('invalid', 'COMMENT.UNKNOWN_TARGET', `No such ${target.kind} in this city`, [
      { field: 'target.id', message: `is not a ${target.kind} of this city` },
    ]);
  }
}
