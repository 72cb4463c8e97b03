import { BlankNode, DataFactory, NamedNode, Quad, Writer } from 'n3';

// The vocabularies of DCAT-AP 3, by the prefixes both renderings use.
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  adms: 'http://www.w3.org/ns/adms#',
  spdx: 'http://spdx.org/rdf/terms#',
  locn: 'http://www.w3.org/ns/locn#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
} as const;

type Prefix = keyof typeof NS;
// A term as `prefix:name`, expanded against NS.
export type Curie = `${Prefix}:${string}`;

export interface Literal {
  value: string;
  lang?: string;
  datatype?: Curie;
}
export interface Iri {
  iri: string;
}
// A resource: named when it has an IRI, else a blank node nested under the one that points to it.
export interface Resource {
  id?: string;
  types: Curie[];
  props: readonly Prop[];
}
export type Prop = readonly [Curie, RdfTerm];
export type RdfTerm = Iri | Literal | Resource;

export const iri = (value: string): Iri => ({ iri: value });
export const text = (value: string, lang?: string): Literal => ({ value, ...(lang && { lang }) });
export const typed = (value: string, datatype: Curie): Literal => ({ value, datatype });
// A property only when it has a value.
export const optional = (property: Curie, term: RdfTerm | null | undefined | false | ''): Prop[] =>
  term ? [[property, term]] : [];

const isIri = (t: RdfTerm): t is Iri => 'iri' in t;
const isResource = (t: RdfTerm): t is Resource => 'props' in t;

export const expand = (curie: Curie): string => {
  const at = curie.indexOf(':');
  return `${NS[curie.slice(0, at) as Prefix]}${curie.slice(at + 1)}`;
};

const TYPE = DataFactory.namedNode(`${NS.rdf}type`);

function resourceQuads(r: Resource, out: Quad[]): NamedNode | BlankNode {
  const subject = r.id ? DataFactory.namedNode(r.id) : DataFactory.blankNode();
  for (const type of r.types) out.push(DataFactory.quad(subject, TYPE, DataFactory.namedNode(expand(type))));
  for (const [property, term] of r.props) {
    const object = isIri(term)
      ? DataFactory.namedNode(term.iri)
      : isResource(term)
        ? resourceQuads(term, out)
        : DataFactory.literal(
            term.value,
            term.lang ?? (term.datatype ? DataFactory.namedNode(expand(term.datatype)) : undefined),
          );
    out.push(DataFactory.quad(subject, DataFactory.namedNode(expand(property)), object));
  }
  return subject;
}

export function toQuads(graph: readonly Resource[]): Quad[] {
  const out: Quad[] = [];
  for (const r of graph) resourceQuads(r, out);
  return out;
}

export function toTurtle(graph: readonly Resource[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...NS } });
  writer.addQuads(toQuads(graph));
  return new Promise((resolve, reject) =>
    writer.end((error, result) => (error ? reject(error) : resolve(String(result)))),
  );
}

function jsonLdValue(term: RdfTerm): Record<string, unknown> {
  if (isIri(term)) return { '@id': term.iri };
  if (isResource(term)) return jsonLdNode(term);
  return {
    '@value': term.value,
    ...(term.lang && { '@language': term.lang }),
    ...(term.datatype && { '@type': term.datatype }),
  };
}

function jsonLdNode(r: Resource): Record<string, unknown> {
  const node: Record<string, unknown> = { ...(r.id && { '@id': r.id }), '@type': r.types };
  for (const [property, term] of r.props)
    node[property] = [...((node[property] as unknown[] | undefined) ?? []), jsonLdValue(term)];
  return node;
}

// Expanded-style values under the prefixes' context: every consumer reads the same triples as the Turtle.
export function toJsonLd(graph: readonly Resource[]): Record<string, unknown> {
  return { '@context': { ...NS }, '@graph': graph.map(jsonLdNode) };
}
