import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ERASED, erasureSegments, PERSON_DATA_ERASED, RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { commentDecider, CommentState } from '../domain/comment.decider';
import { COMMENT_EVENT_TYPES, CommentEvent } from '../domain/comment.events';
import { CommentRecord } from './comment.entity';

type Row = Omit<CommentRecord, 'tenantId'>;

export const COMMENT_THREADS_PROJECTION = 'comment-threads';

const toState = (row: Row): CommentState => ({
  exists: true,
  commentId: row.id,
  target: { kind: row.targetKind, id: row.targetId },
  parentId: row.parentId,
  observation: row.observation,
  body: row.body,
  visibility: row.visibility,
  author: { id: row.authorId, role: row.authorRole, organisationId: row.authorOrganisationId },
  retracted: row.retracted,
});

// Folds a batch per comment in memory and writes each touched row once.
@Injectable()
@ProjectionDefinition()
export class CommentThreadsProjection implements Projection {
  readonly name = COMMENT_THREADS_PROJECTION;
  readonly handles = [...COMMENT_EVENT_TYPES, PERSON_DATA_ERASED];
  readonly tables = ['comments'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    for (const segment of erasureSegments(events)) {
      if (segment.kind === 'events') await this.fold(em, cityId, segment.events);
      else {
        // The author's words are gone from the log (their key is deleted): so they go from here.
        await em.query(
          `UPDATE comments SET body = $3 WHERE tenant_id = $1 AND author_id = $2 AND NOT retracted`,
          [cityId, segment.subjectId, ERASED],
        );
      }
    }
  }

  private async fold(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as CommentEvent['data']).commentId))];
    const existing = await em.query<Row[]>(
      `SELECT id, target_kind AS "targetKind", target_id AS "targetId", parent_id AS "parentId", observation,
              author_id AS "authorId", author_role AS "authorRole", author_organisation_id AS "authorOrganisationId",
              body, visibility, retracted, version, created_at AS "createdAt", edited_at AS "editedAt"
         FROM comments WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [cityId, ids],
    );
    const rows = new Map<string, Row>(existing.map((row) => [row.id, row]));
    const changed = new Set<string>();
    for (const event of events) {
      const id = (event.data as CommentEvent['data']).commentId;
      const row = rows.get(id);
      // Idempotent: an event this row already reflects (a replay) changes nothing.
      if (row && event.version <= row.version) continue;
      const after = commentDecider.evolve(
        row ? toState(row) : commentDecider.initialState(),
        event as unknown as CommentEvent,
      );
      if (!after.exists) continue;
      changed.add(id);
      rows.set(id, {
        id,
        targetKind: after.target.kind,
        targetId: after.target.id,
        parentId: after.parentId,
        observation: after.observation,
        authorId: after.author.id,
        authorRole: after.author.role,
        authorOrganisationId: after.author.organisationId,
        body: after.body,
        visibility: after.visibility,
        retracted: after.retracted,
        version: event.version,
        createdAt: row?.createdAt ?? event.recordedAt,
        editedAt: event.type === 'CommentEdited' ? event.recordedAt : (row?.editedAt ?? null),
      });
    }
    if (changed.size === 0) return;
    const written = [...changed].map((id) => rows.get(id) as Row);
    await em.query(
      `INSERT INTO comments (tenant_id, id, target_kind, target_id, parent_id, observation, author_id, author_role,
                             author_organisation_id, body, visibility, retracted, version, created_at, edited_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::comment_target_kind[], $4::uuid[], $5::uuid[], $6::jsonb[], $7::uuid[],
                                $8::text[], $9::uuid[], $10::text[], $11::comment_visibility[], $12::boolean[],
                                $13::int[], $14::timestamptz[], $15::timestamptz[])
       ON CONFLICT (tenant_id, id) DO UPDATE
         SET body = EXCLUDED.body, visibility = EXCLUDED.visibility, retracted = EXCLUDED.retracted,
             version = EXCLUDED.version, edited_at = EXCLUDED.edited_at
         WHERE comments.version < EXCLUDED.version`,
      [
        cityId,
        written.map((r) => r.id),
        written.map((r) => r.targetKind),
        written.map((r) => r.targetId),
        written.map((r) => r.parentId),
        written.map((r) => (r.observation === null ? null : JSON.stringify(r.observation))),
        written.map((r) => r.authorId),
        written.map((r) => r.authorRole),
        written.map((r) => r.authorOrganisationId),
        written.map((r) => r.body),
        written.map((r) => r.visibility),
        written.map((r) => r.retracted),
        written.map((r) => r.version),
        written.map((r) => r.createdAt),
        written.map((r) => r.editedAt),
      ],
    );
  }
}
