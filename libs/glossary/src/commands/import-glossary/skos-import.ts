import { Parser, Quad } from 'n3';
import { GlossaryErrors } from '../../domain/glossary.errors';
import { TermContent } from '../../domain/glossary-term.events';
import { EMPTY_CONTENT } from '../../domain/term-content';
import { NS } from '../../public/skos-rdf';

// A concept read from a SKOS file; its broader and related links still name concepts by URI.
export interface ImportedConcept {
  uri: string;
  content: TermContent;
  deprecated: boolean;
  // A SKOS rule the file breaks for this concept (two preferred labels in one language).
  invalid: string | null;
}

const SKOS = (name: string) => `${NS.skos}${name}`;
// An untagged literal is in an undetermined language (BCP 47 "und").
const langOf = (q: Quad) => (q.object.termType === 'Literal' && q.object.language) || 'und';

function parse(turtle: string): Quad[] {
  try {
    return new Parser().parse(turtle);
  } catch (error) {
    const line = (error as { context?: { line?: number } }).context?.line;
    const message = error instanceof Error ? error.message : String(error);
    throw GlossaryErrors.IMPORT_UNREADABLE({
      message: `Not Turtle: ${message}`,
      errors: [{ field: 'file', message: line === undefined ? message : `line ${line}: ${message}` }],
      details: line === undefined ? {} : { line },
    });
  }
}

function conceptOf(uri: string, quads: readonly Quad[]): ImportedConcept {
  const values = (property: string) => quads.filter((q) => q.predicate.value === SKOS(property));
  const texts = (property: string) => {
    const lists: Record<string, string[]> = {};
    for (const q of values(property)) lists[langOf(q)] = [...(lists[langOf(q)] ?? []), q.object.value];
    return lists;
  };
  const first = (lists: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(lists).map(([lang, list]) => [lang, list[0]]));
  const prefLabels = texts('prefLabel');
  const iris = (property: string) => values(property).map((q) => q.object.value);
  return {
    uri,
    content: {
      ...EMPTY_CONTENT,
      prefLabel: first(prefLabels),
      altLabels: texts('altLabel'),
      hiddenLabels: texts('hiddenLabel'),
      definition: first(texts('definition')),
      scopeNote: first(texts('scopeNote')),
      examples: texts('example'),
      sources: quads
        .filter((q) => q.predicate.value === `${NS.dct}bibliographicCitation`)
        .map((q) => ({ title: q.object.value })),
      broader: iris('broader'),
      related: iris('related'),
    },
    deprecated: quads.some((q) => q.predicate.value === `${NS.owl}deprecated` && q.object.value === 'true'),
    invalid: Object.values(prefLabels).some((list) => list.length > 1)
      ? 'GLOSSARY_TERM.LABELS_OVERLAP'
      : null,
  };
}

// The skos:Concepts of a Turtle file (in the file's order), or 422 naming the line that does not parse.
export function readSkosConcepts(turtle: string): ImportedConcept[] {
  const quads = parse(turtle);
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) bySubject.set(q.subject.value, [...(bySubject.get(q.subject.value) ?? []), q]);
  const concepts = [...bySubject]
    .filter(([, qs]) =>
      qs.some((q) => q.predicate.value === `${NS.rdf}type` && q.object.value === SKOS('Concept')),
    )
    .map(([uri, qs]) => conceptOf(uri, qs));
  if (concepts.length === 0) throw GlossaryErrors.IMPORT_EMPTY();
  return concepts;
}

// Broader concepts first, so each term's broader links name terms proposed before it; links that would
// point forward (a cycle in the file, or a related concept later on) are left out.
export function inLinkOrder(concepts: readonly ImportedConcept[]): ImportedConcept[] {
  const pending = new Map(concepts.map((c) => [c.uri, c]));
  const ordered: ImportedConcept[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((c) =>
      c.content.broader.every((b) => !pending.has(b) || b === c.uri),
    );
    const next = ready.length > 0 ? ready : [pending.values().next().value as ImportedConcept];
    for (const c of next) {
      pending.delete(c.uri);
      ordered.push(c);
    }
  }
  return ordered;
}
