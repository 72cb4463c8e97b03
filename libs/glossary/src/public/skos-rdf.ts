import { DataFactory, NamedNode, Quad, Writer } from 'n3';
import { SkosConcept, SkosScheme } from './skos-scheme';

// The factory's functions, called through it (they are methods).
const namedNode = (iri: string) => DataFactory.namedNode(iri);
const literal = (value: string, languageOrType?: string | NamedNode) =>
  DataFactory.literal(value, languageOrType);
const quad = (s: Quad['subject'], p: Quad['predicate'], o: Quad['object']) => DataFactory.quad(s, p, o);

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const skos = (name: string) => namedNode(`${NS.skos}${name}`);
const dct = (name: string) => namedNode(`${NS.dct}${name}`);
const TYPE = namedNode(`${NS.rdf}type`);

// Language-tagged texts (one per language, or several) as skos:<property> literals.
const tagged = (subject: string, property: string, texts: Record<string, string | string[]>): Quad[] =>
  Object.entries(texts).flatMap(([lang, text]) =>
    (Array.isArray(text) ? text : [text]).map((t) =>
      quad(namedNode(subject), skos(property), literal(t, lang)),
    ),
  );

const links = (subject: string, property: ReturnType<typeof skos>, uris: readonly string[]): Quad[] =>
  uris.map((uri) => quad(namedNode(subject), property, namedNode(uri)));

function conceptQuads(scheme: SkosScheme, c: SkosConcept): Quad[] {
  const s = namedNode(c.uri);
  return [
    quad(s, TYPE, skos('Concept')),
    quad(s, skos('inScheme'), namedNode(scheme.uri)),
    ...(scheme.topConcepts.includes(c.uri) ? [quad(s, skos('topConceptOf'), namedNode(scheme.uri))] : []),
    ...tagged(c.uri, 'prefLabel', c.prefLabel),
    ...tagged(c.uri, 'altLabel', c.altLabels),
    ...tagged(c.uri, 'hiddenLabel', c.hiddenLabels),
    ...tagged(c.uri, 'definition', c.definition),
    ...tagged(c.uri, 'scopeNote', c.scopeNote),
    ...tagged(c.uri, 'example', c.examples),
    ...links(c.uri, skos('broader'), c.broader),
    ...links(c.uri, skos('narrower'), c.narrower),
    ...links(c.uri, skos('related'), c.related),
    ...c.matches.map((m) => quad(s, skos(m.kind), namedNode(m.uri))),
    ...c.sources.flatMap((source) => [
      quad(
        s,
        dct('bibliographicCitation'),
        literal(source.standard ? `${source.title} (${source.standard})` : source.title),
      ),
      ...(source.url ? [quad(s, dct('source'), namedNode(source.url))] : []),
    ]),
    ...(c.deprecated
      ? [quad(s, namedNode(`${NS.owl}deprecated`), literal('true', namedNode(`${NS.xsd}boolean`)))]
      : []),
    ...(c.replacedBy ? [quad(s, dct('isReplacedBy'), namedNode(c.replacedBy))] : []),
  ];
}

export function skosQuads(scheme: SkosScheme): Quad[] {
  const s = namedNode(scheme.uri);
  return [
    quad(s, TYPE, skos('ConceptScheme')),
    quad(s, dct('title'), literal(scheme.title)),
    ...(scheme.modified
      ? [quad(s, dct('modified'), literal(scheme.modified, namedNode(`${NS.xsd}dateTime`)))]
      : []),
    ...links(scheme.uri, skos('hasTopConcept'), scheme.topConcepts),
    ...scheme.concepts.flatMap((c) => conceptQuads(scheme, c)),
  ];
}

export function toTurtle(scheme: SkosScheme): Promise<string> {
  const writer = new Writer({ prefixes: { ...NS } });
  writer.addQuads(skosQuads(scheme));
  return new Promise((resolve, reject) =>
    writer.end((error, result) => (error ? reject(error) : resolve(String(result)))),
  );
}
