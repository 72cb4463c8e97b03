import { MatchKind, TermContent, TermStatus } from '../domain/glossary-term.events';
import { PublishedTerm } from '../persistence/published-glossaries.repository';

// A city's published glossary as SKOS sees it, with URIs instead of ids: what the JSON answer shows and
// the Turtle and JSON-LD renderings write.
export interface SkosConcept extends Omit<TermContent, 'broader' | 'related'> {
  id: string;
  uri: string;
  status: TermStatus;
  broader: string[];
  narrower: string[];
  related: string[];
  deprecated: boolean;
  replacedBy: string | null;
  matches: { kind: MatchKind; uri: string }[];
}

export interface SkosScheme {
  uri: string;
  city: string;
  title: string;
  modified: string | null;
  // Concepts without a broader concept: the scheme's top concepts.
  topConcepts: string[];
  concepts: SkosConcept[];
}

// Stable URIs under PUBLIC_URL: the scheme is the public glossary's address, a concept a fragment of it
// (so every concept URI dereferences to the document that describes it).
export const schemeUri = (publicUrl: string, citySlug: string) =>
  `${publicUrl.replace(/\/$/, '')}/v1/public/cities/${encodeURIComponent(citySlug)}/glossary`;
export const conceptUri = (scheme: string, termId: string) => `${scheme}#${termId}`;

export function skosScheme(
  publicUrl: string,
  city: { slug: string; name: string },
  terms: readonly PublishedTerm[],
  slugs: ReadonlyMap<string, string>,
): SkosScheme {
  const uri = schemeUri(publicUrl, city.slug);
  const published = new Set(terms.map((t) => t.id));
  // Links only to what is published: a proposed broader term is not part of the scheme.
  const linked = (ids: readonly string[]) =>
    ids.filter((id) => published.has(id)).map((id) => conceptUri(uri, id));
  const narrower = new Map<string, string[]>();
  for (const term of terms)
    for (const broader of term.content.broader)
      narrower.set(broader, [...(narrower.get(broader) ?? []), term.id]);
  const concepts = terms.map(({ id, status, content, replacedBy, matches }): SkosConcept => {
    const { broader, related, ...texts } = content;
    return {
      id,
      uri: conceptUri(uri, id),
      status,
      ...texts,
      broader: linked(broader),
      narrower: linked(narrower.get(id) ?? []),
      related: linked(related),
      deprecated: status === 'deprecated',
      replacedBy: replacedBy && published.has(replacedBy) ? conceptUri(uri, replacedBy) : null,
      matches: matches
        .filter((m) => slugs.has(m.cityId))
        .map((m) => ({
          kind: m.kind,
          uri: conceptUri(schemeUri(publicUrl, slugs.get(m.cityId) as string), m.termId),
        })),
    };
  });
  const modified = terms.reduce<Date | null>(
    (latest, t) => (!latest || t.updatedAt > latest ? t.updatedAt : latest),
    null,
  );
  return {
    uri,
    city: city.slug,
    title: `Glossary of ${city.name}`,
    modified: modified?.toISOString() ?? null,
    topConcepts: concepts.filter((c) => c.broader.length === 0 && !c.deprecated).map((c) => c.uri),
    concepts,
  };
}
