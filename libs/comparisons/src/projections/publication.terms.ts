import { EntityManager } from 'typeorm';
import { GlossaryTermEvent, glossaryTermStream } from '@rl/glossary';
import { CityId } from '@rl/kernel';
import type { LinkedTerm } from '../domain/comparison.types';
import { termKey } from '../domain/terms';

export type TermMatched = Extract<GlossaryTermEvent, { type: 'GlossaryTermMatched' }>;

// The linked terms of an indicator as comparisons judge them: each with the exactMatches recorded on it
// in the city's log up to `position` (later ones arrive as their own GlossaryTermMatched events).
export async function linkedTerms(
  em: EntityManager,
  cityId: CityId,
  ids: readonly string[],
  position: number,
): Promise<LinkedTerm[]> {
  if (ids.length === 0) return [];
  const rows = await em.query<{ stream: string; city: string; term: string }[]>(
    `SELECT stream_id AS stream, data->'match'->>'cityId' AS city, data->'match'->>'termId' AS term
       FROM events
      WHERE tenant_id = $1 AND stream_id = ANY($2::text[]) AND type = 'GlossaryTermMatched'
        AND data->'match'->>'kind' = 'exactMatch' AND position <= $3`,
    [cityId, ids.map(glossaryTermStream), position],
  );
  return ids.map((id) => ({
    id,
    exactMatches: rows.filter((r) => r.stream === glossaryTermStream(id)).map((r) => termKey(r.city, r.term)),
  }));
}

// An exactMatch recorded on a term, added to the terms of an indicator that links it.
export function withMatch(terms: LinkedTerm[], { termId, match }: TermMatched['data']): LinkedTerm[] | null {
  const key = termKey(match.cityId, match.termId);
  if (match.kind !== 'exactMatch' || !terms.some((t) => t.id === termId && !t.exactMatches.includes(key)))
    return null;
  return terms.map((t) => (t.id === termId ? { ...t, exactMatches: [...t.exactMatches, key] } : t));
}

// The indicators of the city (in the publication's private state) that link one of these terms.
export async function indicatorsLinking(
  em: EntityManager,
  cityId: CityId,
  termIds: readonly string[],
): Promise<string[]> {
  if (termIds.length === 0) return [];
  const rows = await em.query<{ id: string }[]>(
    `SELECT indicator_id AS id FROM publication_indicators
      WHERE tenant_id = $1
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(definition->'terms', '[]')) t
                     WHERE t->>'id' = ANY($2::text[]))`,
    [cityId, termIds],
  );
  return rows.map((r) => r.id);
}
