import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { CommentView } from '../../comment.view';
import { CommentTargetKind, CommentVisibility, ObservationKey } from '../../domain/comment.events';
import { COMMENT_THREADS_PROJECTION } from '../../projections/comment-threads.projection';
import { ListCommentThreadsQuery } from './list-comment-threads.query';

interface Row {
  id: string;
  targetKind: CommentTargetKind;
  targetId: string;
  parentId: string | null;
  observation: ObservationKey | null;
  body: string;
  visibility: CommentVisibility;
  retracted: boolean;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  authorId: string;
  authorName: string | null;
  authorRole: string | null;
  organisationId: string | null;
  organisationName: string | null;
}

const toView = (row: Row): CommentView => ({
  id: row.id,
  target: { kind: row.targetKind, id: row.targetId },
  parentId: row.parentId,
  observation: row.observation,
  body: row.body,
  visibility: row.visibility,
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

// Names are joined at read time (personal data is not copied into the read model or the log).
const COMMENT_SELECT = `SELECT c.id, c.target_kind AS "targetKind", c.target_id AS "targetId", c.parent_id AS "parentId",
        c.observation, c.body, c.visibility, c.retracted, c.version, c.created_at AS "createdAt",
        c.created_at::text AS "createdAtKey", c.edited_at AS "editedAt", c.author_id AS "authorId",
        u.name AS "authorName", c.author_role AS "authorRole", c.author_organisation_id AS "organisationId",
        o.name AS "organisationName"`;
const COMMENT_JOINS = `LEFT JOIN users u ON u.id = c.author_id
  LEFT JOIN organisations o ON o.tenant_id = c.tenant_id AND o.id = c.author_organisation_id`;

// A page is a run of threads: top-level comments by time (the cursor is the last one's created_at, as
// PostgreSQL's text to keep microseconds, and id), each with all its replies. A reply is always on its
// parent's target, so filtering the top level by target loses none.
@QueryHandler(ListCommentThreadsQuery)
export class ListCommentThreadsHandler implements IQueryHandler<ListCommentThreadsQuery, Page<CommentView>> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page, minPosition }: ListCommentThreadsQuery): Promise<Page<CommentView>> {
    const after = cursorOf(page, ['instant', 'uuid']);
    await this.waiter.waitFor(cityId, COMMENT_THREADS_PROJECTION, minPosition);
    const params: unknown[] = [cityId, filter.targetKind ?? null, filter.targetId ?? null];
    const keyset = keysetCondition(['c.created_at', 'c.id'], after, params);
    params.push(page.limit + 1);
    const { roots, replies } = await this.db.inCity(cityId, async (em) => {
      const roots = await em.query<(Row & { createdAtKey: string })[]>(
        `${COMMENT_SELECT} FROM comments c ${COMMENT_JOINS}
          WHERE c.tenant_id = $1 AND c.parent_id IS NULL
            AND ($2::comment_target_kind IS NULL OR c.target_kind = $2::comment_target_kind)
            AND ($3::uuid IS NULL OR c.target_id = $3::uuid)
            AND ${keyset}
          ORDER BY c.created_at, c.id LIMIT $${params.length}`,
        params,
      );
      const ids = roots.slice(0, page.limit).map((root) => root.id);
      const replies = await em.query<Row[]>(
        `WITH RECURSIVE thread AS (
           SELECT id FROM comments WHERE tenant_id = $1 AND parent_id = ANY($2::uuid[])
           UNION ALL
           SELECT c.id FROM comments c JOIN thread t ON c.tenant_id = $1 AND c.parent_id = t.id)
         ${COMMENT_SELECT} FROM comments c ${COMMENT_JOINS}
          WHERE c.tenant_id = $1 AND c.id IN (SELECT id FROM thread)
          ORDER BY c.created_at, c.id`,
        [cityId, ids],
      );
      return { roots, replies };
    });
    const threads = pageOf(roots, page.limit, (row) => [row.createdAtKey, row.id], toView);
    return { items: toThreads([...threads.items, ...replies.map(toView)]), next: threads.next };
  }
}
