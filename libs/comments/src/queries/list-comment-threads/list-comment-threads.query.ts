import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { CommentView } from '../../comment.view';
import { ThreadFilter } from '../../persistence/comment-threads.repository';

export class ListCommentThreadsQuery extends Query<Page<CommentView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: ThreadFilter,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
