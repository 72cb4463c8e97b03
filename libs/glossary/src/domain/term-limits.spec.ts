import { DeciderSpecification } from '@rl/kernel/testing';
import { glossaryTermDecider } from './glossary-term.decider';
import { TERM_LIMITS } from './term-content';
import { content, facts, proposalIds, termIds } from './testing/term-factories';

// The limits hold for every way a term comes in: the HTTP body's DTO checks the same numbers, an imported
// SKOS file only meets them here.
const spec = DeciderSpecification.for(glossaryTermDecider);
const propose = (overrides: object) => ({
  type: 'ProposeTerm' as const,
  termId: termIds.participation,
  proposalId: proposalIds.first,
  content: content(overrides),
  rationale: 'Imported',
  facts: facts(),
});
const refusal = (overrides: object, field: string) =>
  spec
    .given([])
    .when(propose(overrides))
    .thenThrows('GLOSSARY_TERM.TOO_LARGE', (error) =>
      expect(error.errors.map((e) => e.field)).toContain(field),
    );

describe('glossary term limits', () => {
  it('refuses a definition or a label longer than allowed', () => {
    refusal({ definition: { en: 'x'.repeat(TERM_LIMITS.text + 1) } }, 'definition');
    refusal({ prefLabel: { en: 'x'.repeat(TERM_LIMITS.label + 1) } }, 'prefLabel');
  });

  it('refuses too many languages or too many alternative labels in one', () => {
    const languages = Object.fromEntries(
      Array.from({ length: TERM_LIMITS.languages + 1 }, (_, i) => [
        `x${String.fromCharCode(97 + i)}`,
        'Text',
      ]),
    );
    refusal({ definition: languages }, 'definition');
    const many = Array.from({ length: TERM_LIMITS.labelsPerLanguage + 1 }, (_, i) => `Label ${i}`);
    refusal({ altLabels: { en: many } }, 'altLabels');
  });

  it('refuses a source whose address is not a web address (it is published as a link)', () => {
    refusal({ sources: [{ title: 'Trap', url: 'javascript:alert(1)' }] }, 'sources.url');
  });

  it('accepts a term at the limits', () => {
    const decided = glossaryTermDecider.decide(
      propose({ definition: { en: 'x'.repeat(TERM_LIMITS.text) } }),
      glossaryTermDecider.initialState(),
    );
    expect(decided.map((e) => e.type)).toContain('GlossaryTermProposed');
  });
});
