import { CursorKey } from '@rl/kernel';
import { languageKey } from '../domain/term-content';
import { TermRow } from '../projections/term-row';
import { TermView } from '../term.view';

export interface TermFilter {
  q?: string;
  status?: string;
  lang?: string;
}

// The adopted (and deprecated) terms that name each term broader.
export function narrowerIndex(rows: readonly TermRow[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const row of rows)
    if (row.status === 'adopted' || row.status === 'deprecated')
      for (const broader of row.content.broader) index.set(broader, [...(index.get(broader) ?? []), row.id]);
  return index;
}

export function toTermView(
  row: TermRow,
  narrower: readonly string[],
  slugs: ReadonlyMap<string, string>,
): TermView {
  const { id, status, content, revision, replacedBy, version } = row;
  return {
    id,
    status,
    ...content,
    narrower: [...narrower],
    replacedBy,
    matches: row.matches.map((m) => ({
      city: slugs.get(m.cityId) ?? m.cityId,
      termId: m.termId,
      kind: m.kind,
    })),
    revision,
    proposals: row.proposals.map(({ stances, ...proposal }) => ({
      ...proposal,
      support: Object.values(stances).filter((s) => s === 'support').length,
      objection: Object.values(stances).filter((s) => s === 'object').length,
    })),
    version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// The texts a search looks in: labels and definition, in one language or all.
function texts(row: TermRow, lang: string | undefined): string[] {
  const { prefLabel, altLabels, hiddenLabels, definition } = row.content;
  const inLang = <T>(map: Record<string, T>): T[] =>
    lang === undefined ? Object.values(map) : map[lang] === undefined ? [] : [map[lang]];
  return [
    ...inLang(prefLabel),
    ...inLang(altLabels).flat(),
    ...inLang(hiddenLabels).flat(),
    ...inLang(definition),
  ];
}

export function matchesFilter(row: TermRow, { q, status, lang: asked }: TermFilter): boolean {
  const lang = asked === undefined ? undefined : languageKey(asked);
  if (status !== undefined && row.status !== status) return false;
  if (lang !== undefined && row.content.prefLabel[lang] === undefined) return false;
  const needle = q?.trim().toLocaleLowerCase();
  return !needle || texts(row, lang).some((t) => t.toLocaleLowerCase().includes(needle));
}

// By preferred label in the language asked for (else the first one the term has), then id.
export const sortKey = (row: TermRow, lang: string | undefined) =>
  (lang === undefined ? undefined : row.content.prefLabel[languageKey(lang)]) ??
  Object.values(row.content.prefLabel)[0] ??
  '';

const compareKeys = (a: readonly [string, string], b: readonly [string, string]) =>
  a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]);

export const byLabel = (lang: string | undefined) => (a: TermRow, b: TermRow) =>
  compareKeys([sortKey(a, lang), a.id], [sortKey(b, lang), b.id]);

// Whether the row sorts after a page's cursor (label, id); every row on the first page.
export const afterKey = (row: TermRow, lang: string | undefined, after: CursorKey | undefined) =>
  after === undefined || compareKeys([sortKey(row, lang), row.id], [String(after[0]), String(after[1])]) > 0;
