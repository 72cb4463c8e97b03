import { Injectable } from '@nestjs/common';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { CommentTargetKind, CommentVisibility, ObservationKey } from '../domain/comment.events';

export interface CommentRow {
  id: string;
  targetKind: CommentTargetKind;
  targetId: string;
  parentId: string | null;
  observation: ObservationKey | null;
  body: string;
  visibility: CommentVisibility;
  meetingId: string | null;
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

export interface ThreadFilter {
  targetKind?: CommentTargetKind;
  targetId?: string;
  meetingId?: string;
}

// The comment threads read model, with authors' and organisations' names joined.
export abstract class CommentThreadsReadModel {
  // `limit` top-level comments after the keyset cursor (by created_at as PostgreSQL's text, to keep
  // microseconds, then id) and one more if any, to tell whether another page follows; and every reply
  // below the first `limit` of them, to any depth.
  abstract page(
    cityId: CityId,
    filter: ThreadFilter,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<{ roots: (CommentRow & { createdAtKey: string })[]; replies: CommentRow[] }>;
}

// Names are joined at read time (personal data is not copied into the read model or the log).
const COMMENT_SELECT = `SELECT c.id, c.target_kind AS "targetKind", c.target_id AS "targetId", c.parent_id AS "parentId",
        c.observation, c.body, c.visibility, c.meeting_id AS "meetingId", c.retracted, c.version, c.created_at AS "createdAt",
        c.created_at::text AS "createdAtKey", c.edited_at AS "editedAt", c.author_id AS "authorId",
        u.name AS "authorName", c.author_role AS "authorRole", c.author_organisation_id AS "organisationId",
        o.name AS "organisationName"`;
const COMMENT_JOINS = `LEFT JOIN users u ON u.id = c.author_id
  LEFT JOIN organisations o ON o.tenant_id = c.tenant_id AND o.id = c.author_organisation_id`;

@Injectable()
export class PgCommentThreadsReadModel implements CommentThreadsReadModel {
  constructor(private readonly db: TenantDb) {}

  page(cityId: CityId, filter: ThreadFilter, after: CursorKey | undefined, limit: number) {
    const params: unknown[] = [
      cityId,
      filter.targetKind ?? null,
      filter.targetId ?? null,
      filter.meetingId ?? null,
    ];
    const keyset = keysetCondition(['c.created_at', 'c.id'], after, params);
    params.push(limit + 1);
    return this.db.inCity(cityId, async (em) => {
      const roots = await em.query<(CommentRow & { createdAtKey: string })[]>(
        `${COMMENT_SELECT} FROM comments c ${COMMENT_JOINS}
          WHERE c.tenant_id = $1 AND c.parent_id IS NULL
            AND ($2::comment_target_kind IS NULL OR c.target_kind = $2::comment_target_kind)
            AND ($3::uuid IS NULL OR c.target_id = $3::uuid)
            AND ($4::uuid IS NULL OR c.meeting_id = $4::uuid)
            AND ${keyset}
          ORDER BY c.created_at, c.id LIMIT $${params.length}`,
        params,
      );
      const ids = roots.slice(0, limit).map((root) => root.id);
      const replies = await em.query<CommentRow[]>(
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
  }
}
