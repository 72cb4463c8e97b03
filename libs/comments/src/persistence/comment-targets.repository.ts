import { Injectable } from '@nestjs/common';
import { glossaryTermStream } from '@rl/glossary';
import { indicatorStream } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { periodStream, submissionStream } from '@rl/reporting';
import { CommentTarget } from '../domain/comment.events';

const TARGET_STREAMS = {
  indicator: indicatorStream,
  submission: submissionStream,
  period: periodStream,
  'glossary-term': glossaryTermStream,
} satisfies Record<CommentTarget['kind'], (id: string) => string>;

// What comments can be about.
export abstract class CommentTargets {
  abstract exists(cityId: CityId, target: CommentTarget): Promise<boolean>;
}

// A target exists if its stream is in the city's log (row-level security limits the transaction to the
// city); streams are never removed, so the answer holds when the comment is appended.
@Injectable()
export class PgCommentTargets implements CommentTargets {
  constructor(private readonly db: TenantDb) {}

  async exists(cityId: CityId, target: CommentTarget): Promise<boolean> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<unknown[]>(`SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1`, [
        TARGET_STREAMS[target.kind](target.id),
      ]),
    );
    return rows.length > 0;
  }
}
