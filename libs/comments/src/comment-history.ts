import { Injectable } from '@nestjs/common';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { CommentState, evolveComment, initialCommentState } from './domain/comment.decider';
import { CommentEvent, commentStream } from './domain/comment.events';

export interface LoadedComment {
  state: CommentState;
  version: number;
  position: number;
}

// A comment rebuilt from its own events: the aggregate for commands.
@Injectable()
export class CommentHistory {
  constructor(private readonly events: EventStore) {}

  async load(cityId: CityId, commentId: string): Promise<LoadedComment> {
    const events = await this.events.readStream(cityId, commentStream(commentId));
    const last = events[events.length - 1];
    return {
      state: events.reduce(
        (state, e) => evolveComment(state, e as unknown as CommentEvent),
        initialCommentState,
      ),
      version: last?.version ?? 0,
      position: last?.position ?? 0,
    };
  }
}
