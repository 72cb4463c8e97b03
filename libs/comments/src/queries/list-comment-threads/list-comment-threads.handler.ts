import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { CommentView } from '../../comment.view';
import { CommentRow, CommentThreadsReadModel } from '../../persistence/comment-threads.repository';
import { COMMENT_THREADS_PROJECTION } from '../../projections/comment-threads.projection';
import { ListCommentThreadsQuery } from './list-comment-threads.query';

const toView = (row: CommentRow): CommentView => ({
  id: row.id,
  target: { kind: row.targetKind, id: row.targetId },
  parentId: row.parentId,
  observation: row.observation,
  body: row.body,
  visibility: row.visibility,
  meetingId: row.meetingId,
  retracted: row.retracted,
  version: row.version,
  author: {
    id: row.authorId,
    name: row.authorName,
    role: row.authorRole,
    organisation: row.organisationId === null ? null : { id: row.organisationId, name: row.organisationName },
  },
  createdAt: row.createdAt.toISOString(),
  editedAt: row.editedAt?.toISOString() ?? null,
  replies: [],
});

// Threads: top-level comments in time order, each with its replies nested to any depth (also in time
// order). A reply whose parent is outside the result (another filter) is shown at the top level.
export function toThreads(views: CommentView[]): CommentView[] {
  const byId = new Map(views.map((v) => [v.id, v]));
  const roots: CommentView[] = [];
  for (const view of views) {
    const parent = view.parentId === null ? undefined : byId.get(view.parentId);
    if (parent) parent.replies.push(view);
    else roots.push(view);
  }
  return roots;
}

// A page is a run of threads: top-level comments by time (the cursor is the last one's created_at, as
// PostgreSQL's text to keep microseconds, and id), each with all its replies. A reply is always on its
// parent's target, so filtering the top level by target loses none.
@QueryHandler(ListCommentThreadsQuery)
export class ListCommentThreadsHandler implements IQueryHandler<ListCommentThreadsQuery, Page<CommentView>> {
  constructor(
    private readonly threads: CommentThreadsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page, minPosition }: ListCommentThreadsQuery): Promise<Page<CommentView>> {
    const after = cursorOf(page, ['instant', 'uuid']);
    await this.waiter.waitFor(cityId, COMMENT_THREADS_PROJECTION, minPosition);
    const { roots, replies } = await this.threads.page(cityId, filter, after, page.limit);
    const threads = pageOf(roots, page.limit, (row) => [row.createdAtKey, row.id], toView);
    return { items: toThreads([...threads.items, ...replies.map(toView)]), next: threads.next };
  }
}
