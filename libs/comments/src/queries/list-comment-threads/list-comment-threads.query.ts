import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommentView } from '../../comment.view';
import { CommentTargetKind } from '../../domain/comment.events';

export class ListCommentThreadsQuery extends Query<CommentView[]> {
  constructor(
    readonly cityId: CityId,
    readonly filter: { targetKind?: CommentTargetKind; targetId?: string },
    readonly minPosition?: number,
  ) {
    super();
  }
}
