import { CityId } from '@rl/kernel';
import { CommentTarget } from '../domain/comment.events';
import { CommentTargets } from '../persistence/comment-targets.repository';

// The targets each city has, as listed.
export class InMemoryCommentTargets implements CommentTargets {
  private readonly known = new Set<string>();

  add(cityId: CityId, target: CommentTarget): this {
    this.known.add(`${cityId}/${target.kind}/${target.id}`);
    return this;
  }

  exists(cityId: CityId, target: CommentTarget): Promise<boolean> {
    return Promise.resolve(this.known.has(`${cityId}/${target.kind}/${target.id}`));
  }

  addMeeting(cityId: CityId, meetingId: string): this {
    this.known.add(`${cityId}/meeting/${meetingId}`);
    return this;
  }

  meetingExists(cityId: CityId, meetingId: string): Promise<boolean> {
    return Promise.resolve(this.known.has(`${cityId}/meeting/${meetingId}`));
  }
}
