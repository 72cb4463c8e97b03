import { GlossaryTermErrors } from './glossary.errors';
import { LangList, LangMap, TermChanges, TermContent, TermStatus } from './glossary-term.events';

// What the decider knows of the city's other terms (read under the city's glossary lock, so that two
// concurrent commands cannot both take a label or close a cycle): status, preferred labels and the
// adopted broader links of every term.
export interface TermFacts {
  status: TermStatus;
  prefLabel: LangMap;
  broader: readonly string[];
}
export type GlossaryFacts = ReadonlyMap<string, TermFacts>;

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

// How large a term may be, whichever way it comes in (the HTTP body is checked against the same numbers
// by its DTO; an imported SKOS file only here).
export const TERM_LIMITS = {
  languages: 20,
  label: 200,
  labelsPerLanguage: 50,
  text: 5000,
  example: 1000,
  sources: 30,
  sourceTitle: 300,
  sourceStandard: 100,
  url: 2000,
  broader: 20,
  related: 50,
} as const;

// Texts are compared and stored with runs of white space folded, as people type them.
const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ');
// Labels compare whatever their case: "Participation" and "participation" are one label.
export const labelKey = (label: string) => fold(label).toLocaleLowerCase();
// Language tags compare whatever their case (BCP 47): "en-GB" and "en-gb" are one language.
export const languageKey = (lang: string) => lang.trim().toLowerCase();
// One preferred label as the write side indexes it: "en:participation" (a language tag has no colon).
export const prefLabelKeys = (prefLabel: LangMap): string[] =>
  Object.entries(prefLabel).map(([lang, label]) => `${languageKey(lang)}:${labelKey(label)}`);

const foldMap = (map: LangMap = {}): LangMap =>
  Object.fromEntries(
    Object.entries(map)
      .map(([lang, text]): [string, string] => [languageKey(lang), fold(text)])
      .filter(([, text]) => text !== ''),
  );

const foldList = (lists: LangList = {}): LangList =>
  Object.fromEntries(
    Object.entries(lists)
      .map(([lang, texts]): [string, string[]] => [
        languageKey(lang),
        [
          ...new Map(
            texts
              .map(fold)
              .filter((t) => t !== '')
              .map((t) => [labelKey(t), t]),
          ).values(),
        ],
      ])
      .filter(([, texts]) => texts.length > 0),
  );

const foldContent = (c: TermChanges): TermChanges => ({
  ...(c.prefLabel && { prefLabel: foldMap(c.prefLabel) }),
  ...(c.altLabels && { altLabels: foldList(c.altLabels) }),
  ...(c.hiddenLabels && { hiddenLabels: foldList(c.hiddenLabels) }),
  ...(c.definition && { definition: foldMap(c.definition) }),
  ...(c.scopeNote && { scopeNote: foldMap(c.scopeNote) }),
  ...(c.examples && { examples: foldList(c.examples) }),
  ...(c.sources && {
    sources: c.sources.map(({ title, url, standard }) => ({
      title: fold(title),
      ...(url && { url: url.trim() }),
      ...(standard && { standard: fold(standard) }),
    })),
  }),
  ...(c.broader && { broader: [...new Set(c.broader)] }),
  ...(c.related && { related: [...new Set(c.related)] }),
});

export const EMPTY_CONTENT: TermContent = {
  prefLabel: {},
  altLabels: {},
  hiddenLabels: {},
  definition: {},
  scopeNote: {},
  examples: {},
  sources: [],
  broader: [],
  related: [],
};

export const normaliseContent = (content: TermChanges): TermContent => ({
  ...EMPTY_CONTENT,
  ...foldContent(content),
});
export const normaliseChanges = foldContent;

function checkLanguages(content: TermContent): void {
  const texts = [content.prefLabel, content.altLabels, content.hiddenLabels, content.definition];
  const bad = [...texts, content.scopeNote, content.examples]
    .flatMap((map) => Object.keys(map))
    .filter((lang) => !LANGUAGE.test(lang));
  if (bad.length > 0)
    throw GlossaryTermErrors.INVALID_LANGUAGE({
      errors: bad.map((lang) => ({ field: lang, message: 'is not a language tag' })),
    });
}

function checkSizes(content: TermContent): void {
  const errors: { field: string; message: string }[] = [];
  const tooLong = (field: string, texts: readonly string[], max: number) => {
    if (texts.some((text) => text.length > max)) errors.push({ field, message: `at most ${max} characters` });
  };
  const perLanguage = (field: string, map: Record<string, unknown>) => {
    if (Object.keys(map).length > TERM_LIMITS.languages)
      errors.push({ field, message: `at most ${TERM_LIMITS.languages} languages` });
  };
  for (const [field, map, max] of [
    ['prefLabel', content.prefLabel, TERM_LIMITS.label],
    ['definition', content.definition, TERM_LIMITS.text],
    ['scopeNote', content.scopeNote, TERM_LIMITS.text],
  ] as const) {
    perLanguage(field, map);
    tooLong(field, Object.values(map), max);
  }
  for (const [field, lists, max] of [
    ['altLabels', content.altLabels, TERM_LIMITS.label],
    ['hiddenLabels', content.hiddenLabels, TERM_LIMITS.label],
    ['examples', content.examples, TERM_LIMITS.example],
  ] as const) {
    perLanguage(field, lists);
    if (Object.values(lists).some((list) => list.length > TERM_LIMITS.labelsPerLanguage))
      errors.push({ field, message: `at most ${TERM_LIMITS.labelsPerLanguage} per language` });
    tooLong(field, Object.values(lists).flat(), max);
  }
  if (content.broader.length > TERM_LIMITS.broader)
    errors.push({ field: 'broader', message: `at most ${TERM_LIMITS.broader}` });
  if (content.related.length > TERM_LIMITS.related)
    errors.push({ field: 'related', message: `at most ${TERM_LIMITS.related}` });
  if (content.sources.length > TERM_LIMITS.sources)
    errors.push({ field: 'sources', message: `at most ${TERM_LIMITS.sources}` });
  tooLong(
    'sources.title',
    content.sources.map((s) => s.title),
    TERM_LIMITS.sourceTitle,
  );
  tooLong(
    'sources.standard',
    content.sources.flatMap((s) => s.standard ?? []),
    TERM_LIMITS.sourceStandard,
  );
  const urls = content.sources.flatMap((s) => s.url ?? []);
  tooLong('sources.url', urls, TERM_LIMITS.url);
  // Published as links: only web addresses, never javascript: or data: ones.
  if (urls.some((url) => !/^https?:\/\/\S+$/i.test(url)))
    errors.push({ field: 'sources.url', message: 'must be an http or https address' });
  if (errors.length > 0) throw GlossaryTermErrors.TOO_LARGE({ errors });
}

// SKOS: at most one preferred label per language (the map's shape), and the preferred, alternative and
// hidden labels of a language pairwise disjoint.
function checkLabels(content: TermContent): void {
  const langs = new Set([
    ...Object.keys(content.prefLabel),
    ...Object.keys(content.altLabels),
    ...Object.keys(content.hiddenLabels),
  ]);
  for (const lang of langs) {
    const seen = new Map<string, string>();
    const kinds: [string, string[]][] = [
      ['prefLabel', content.prefLabel[lang] === undefined ? [] : [content.prefLabel[lang]]],
      ['altLabels', content.altLabels[lang] ?? []],
      ['hiddenLabels', content.hiddenLabels[lang] ?? []],
    ];
    for (const [field, labels] of kinds)
      for (const label of labels) {
        const earlier = seen.get(labelKey(label));
        if (earlier)
          throw GlossaryTermErrors.LABELS_OVERLAP({
            message: `"${label}" (${lang}) is both a ${earlier} and one of the ${field}`,
            errors: [{ field: `${field}.${lang}`, message: `"${label}" is already the ${earlier}` }],
          });
        seen.set(labelKey(label), field);
      }
  }
}

// No other living term of the city has one of these preferred labels (rejected terms let theirs go).
function checkUnique(termId: string, prefLabel: LangMap, facts: GlossaryFacts): void {
  for (const [lang, label] of Object.entries(prefLabel))
    for (const [otherId, other] of facts) {
      const theirs = other.prefLabel[lang];
      if (otherId === termId || other.status === 'rejected' || theirs === undefined) continue;
      if (labelKey(theirs) === labelKey(label))
        throw GlossaryTermErrors.LABEL_TAKEN({
          message: `"${label}" (${lang}) is already the preferred label of another term of this city`,
          errors: [{ field: `prefLabel.${lang}`, message: `"${label}" is taken` }],
          details: { lang, label, termId: otherId },
        });
    }
}

function checkLinks(termId: string, content: TermContent, facts: GlossaryFacts): void {
  const unknown = [...content.broader, ...content.related].filter((id) => {
    const other = facts.get(id);
    return id === termId || !other || other.status === 'rejected';
  });
  if (unknown.length > 0)
    throw GlossaryTermErrors.UNKNOWN_TERM({
      errors: unknown.map((id) => ({ field: 'broader/related', message: `${id} is not another term` })),
    });
  const both = content.broader.filter((id) => content.related.includes(id));
  if (both.length > 0)
    throw GlossaryTermErrors.BROADER_AND_RELATED({
      errors: both.map((id) => ({ field: 'related', message: `${id} is also broader` })),
    });
}

// Walks up the adopted broader links from the term's new broader terms: reaching the term again is a cycle.
export function checkNoCycle(termId: string, broader: readonly string[], facts: GlossaryFacts): void {
  const seen = new Set<string>();
  const pending = [...broader];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (id === termId)
      throw GlossaryTermErrors.CYCLE({
        errors: [{ field: 'broader', message: 'a broader term is (transitively) narrower than this one' }],
      });
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(facts.get(id)?.broader ?? []));
  }
}

// Every rule a term's content must keep, against the city's other terms.
export function checkContent(termId: string, content: TermContent, facts: GlossaryFacts): void {
  if (Object.keys(content.prefLabel).length === 0 || Object.keys(content.definition).length === 0)
    throw GlossaryTermErrors.INCOMPLETE();
  checkSizes(content);
  checkLanguages(content);
  checkLabels(content);
  checkUnique(termId, content.prefLabel, facts);
  checkLinks(termId, content, facts);
  checkNoCycle(termId, content.broader, facts);
}

// What the other terms' commands check against, from a term's state: its living labels and, once it is
// adopted, its broader links.
export const factsOf = (state: { status: TermStatus; content: TermContent }): TermFacts => ({
  status: state.status,
  prefLabel: state.status === 'rejected' ? {} : state.content.prefLabel,
  broader: state.status === 'adopted' || state.status === 'deprecated' ? state.content.broader : [],
});
