import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { CommentView } from '../../comment.view';
import { CommentTargetKind } from '../../domain/comment.events';

export class ListCommentThreadsQuery extends Query<Page<CommentView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: { targetKind?: CommentTargetKind; targetId?: string },
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
