import { Injectable } from '@nestjs/common';
import { glossaryTermStream } from '@rl/glossary';
import { indicatorStream } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { periodStream, submissionStream } from '@rl/reporting';
import { meetingStream } from '@rl/meetings';
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
  // Whether a comment can say it was made in this meeting.
  abstract meetingExists(cityId: CityId, meetingId: string): Promise<boolean>;
}

// A target exists if its stream is in the city's log (row-level security limits the transaction to the
// city); streams are never removed, so the answer holds when the comment is appended.
@Injectable()
export class PgCommentTargets implements CommentTargets {
  constructor(private readonly db: TenantDb) {}

  exists(cityId: CityId, target: CommentTarget): Promise<boolean> {
    return this.streamExists(cityId, TARGET_STREAMS[target.kind](target.id));
  }

  meetingExists(cityId: CityId, meetingId: string): Promise<boolean> {
    return this.streamExists(cityId, meetingStream(meetingId));
  }

  private async streamExists(cityId: CityId, streamId: string): Promise<boolean> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<unknown[]>(`SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1`, [streamId]),
    );
    return rows.length > 0;
  }
}
