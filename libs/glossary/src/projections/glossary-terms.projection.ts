import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { erasureSegments, PERSON_DATA_ERASED, RecordedEvent } from '@rl/event-store';
import { CityId, isEventOf } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import {
  GLOSSARY_TERM_EVENT_TYPES,
  GlossaryTermEvent,
  isTermStream,
  termIdOfStream,
} from '../domain/glossary-term.events';
import { eraseFromRow, evolveTermRow, TermRow } from './term-row';

export const GLOSSARY_TERMS_PROJECTION = 'glossary-terms';

const COLUMNS = `id, status, content, revision, proposals, replaced_by AS "replacedBy", matches, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

// Folds a batch per term in memory and writes each touched row once. It stays raw (not on the row
// projection kit): the personal text it blanks on erasure lives inside the proposals jsonb.
@Injectable()
@ProjectionDefinition()
export class GlossaryTermsProjection implements Projection {
  readonly name = GLOSSARY_TERMS_PROJECTION;
  readonly handles = [...GLOSSARY_TERM_EVENT_TYPES, PERSON_DATA_ERASED];
  readonly tables = ['glossary_terms'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    for (const segment of erasureSegments(events)) {
      if (segment.kind === 'events') await this.fold(em, cityId, segment.events);
      else await this.erase(em, cityId, segment.subjectId);
    }
  }

  // The person's words are gone from the log (their key is deleted): so they go from here.
  private async erase(em: EntityManager, cityId: CityId, subjectId: string): Promise<void> {
    const touched = await em.query<TermRow[]>(
      `SELECT ${COLUMNS} FROM glossary_terms WHERE tenant_id = $1
          AND (proposals @> $2::jsonb OR proposals @> $3::jsonb)`,
      [
        cityId,
        JSON.stringify([{ proposedBy: { id: subjectId } }]),
        JSON.stringify([{ decidedBy: { id: subjectId } }]),
      ],
    );
    for (const row of touched)
      await em.query(`UPDATE glossary_terms SET proposals = $3 WHERE tenant_id = $1 AND id = $2`, [
        cityId,
        row.id,
        JSON.stringify(eraseFromRow(row, subjectId).proposals),
      ]);
  }

  private async fold(em: EntityManager, cityId: CityId, all: readonly RecordedEvent[]): Promise<void> {
    // Only what a term's stream holds (a probe of the same type elsewhere is not a term).
    const events = all.filter((e) => isTermStream(e.streamId));
    const ids = [...new Set(events.map((e) => termIdOfStream(e.streamId)))];
    const existing = await em.query<TermRow[]>(
      `SELECT ${COLUMNS} FROM glossary_terms WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [cityId, ids],
    );
    const rows = new Map<string, TermRow>(existing.map((row) => [row.id, row]));
    const changed = new Set<string>();
    for (const event of events) {
      const id = termIdOfStream(event.streamId);
      const row = rows.get(id);
      // Idempotent: an event this row already reflects (a replay) changes nothing.
      if (
        (row && event.version <= row.version) ||
        !isEventOf<GlossaryTermEvent>(GLOSSARY_TERM_EVENT_TYPES, event)
      )
        continue;
      rows.set(id, evolveTermRow(row, event));
      changed.add(id);
    }
    if (changed.size === 0) return;
    const written = [...changed].map((id) => rows.get(id) as TermRow);
    await em.query(
      `INSERT INTO glossary_terms (tenant_id, id, status, content, revision, proposals, replaced_by, matches, version, created_at, updated_at)
       SELECT $1, r.id, r.status, r.content, r.revision, r.proposals, r."replacedBy", r.matches, r.version, r."createdAt", r."updatedAt"
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, status text, content jsonb, revision int, proposals jsonb,
              "replacedBy" uuid, matches jsonb, version int, "createdAt" timestamptz, "updatedAt" timestamptz)
       ON CONFLICT (tenant_id, id) DO UPDATE
         SET status = EXCLUDED.status, content = EXCLUDED.content, revision = EXCLUDED.revision,
             proposals = EXCLUDED.proposals, replaced_by = EXCLUDED.replaced_by, matches = EXCLUDED.matches,
             version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
         WHERE glossary_terms.version < EXCLUDED.version`,
      [cityId, JSON.stringify(written)],
    );
  }
}
