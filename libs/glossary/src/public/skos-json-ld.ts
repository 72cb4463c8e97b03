import { NS } from './skos-rdf';
import { SkosConcept, SkosScheme } from './skos-scheme';

const languageMap = (id: string) => ({ '@id': id, '@container': '@language' });
const reference = (id: string) => ({ '@id': id, '@type': '@id' });

// JSON-LD context: language maps for the texts, IRIs for the links, so the document reads as plain JSON.
const CONTEXT = {
  ...NS,
  ConceptScheme: 'skos:ConceptScheme',
  Concept: 'skos:Concept',
  title: 'dct:title',
  modified: { '@id': 'dct:modified', '@type': 'xsd:dateTime' },
  hasTopConcept: reference('skos:hasTopConcept'),
  inScheme: reference('skos:inScheme'),
  prefLabel: languageMap('skos:prefLabel'),
  altLabel: languageMap('skos:altLabel'),
  hiddenLabel: languageMap('skos:hiddenLabel'),
  definition: languageMap('skos:definition'),
  scopeNote: languageMap('skos:scopeNote'),
  example: languageMap('skos:example'),
  broader: reference('skos:broader'),
  narrower: reference('skos:narrower'),
  related: reference('skos:related'),
  exactMatch: reference('skos:exactMatch'),
  closeMatch: reference('skos:closeMatch'),
  broadMatch: reference('skos:broadMatch'),
  narrowMatch: reference('skos:narrowMatch'),
  relatedMatch: reference('skos:relatedMatch'),
  source: reference('dct:source'),
  bibliographicCitation: 'dct:bibliographicCitation',
  deprecated: { '@id': 'owl:deprecated', '@type': 'xsd:boolean' },
  isReplacedBy: reference('dct:isReplacedBy'),
};

function concept(scheme: SkosScheme, c: SkosConcept): Record<string, unknown> {
  const matches: Record<string, string[]> = {};
  for (const m of c.matches) matches[m.kind] = [...(matches[m.kind] ?? []), m.uri];
  return {
    '@id': c.uri,
    '@type': 'Concept',
    inScheme: scheme.uri,
    prefLabel: c.prefLabel,
    altLabel: c.altLabels,
    hiddenLabel: c.hiddenLabels,
    definition: c.definition,
    scopeNote: c.scopeNote,
    example: c.examples,
    broader: c.broader,
    narrower: c.narrower,
    related: c.related,
    ...matches,
    bibliographicCitation: c.sources.map((s) => (s.standard ? `${s.title} (${s.standard})` : s.title)),
    source: c.sources.flatMap((s) => (s.url ? [s.url] : [])),
    ...(c.deprecated && { deprecated: 'true' }),
    ...(c.replacedBy && { isReplacedBy: c.replacedBy }),
  };
}

export function toJsonLd(scheme: SkosScheme): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    '@graph': [
      {
        '@id': scheme.uri,
        '@type': 'ConceptScheme',
        title: scheme.title,
        ...(scheme.modified && { modified: scheme.modified }),
        hasTopConcept: scheme.topConcepts,
      },
      ...scheme.concepts.map((c) => concept(scheme, c)),
    ],
  };
}
