import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { InMemoryGlossaryLedger } from '../../testing/in-memory-glossary';
import { ImportGlossaryCommand } from './import-glossary.command';
import { ImportGlossaryHandler } from './import-glossary.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');

const TURTLE = `@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/starter#> .
ex:participation a skos:Concept ;
  skos:prefLabel "Participation"@en, "Participatie"@nl ;
  skos:definition "Taking part in public decisions."@en ;
  skos:broader ex:rights .
ex:rights a skos:Concept ;
  skos:prefLabel "Human rights"@en ;
  skos:definition "Rights inherent to all human beings."@en .
ex:twice a skos:Concept ;
  skos:prefLabel "One"@en, "Two"@en ;
  skos:definition "Breaks S14."@en .
`;

const importing = (turtle: string, ledger = new InMemoryGlossaryLedger()) =>
  new ImportGlossaryHandler(ledger).execute(new ImportGlossaryCommand(ghent, turtle, commandMetadata()));

describe('ImportGlossaryHandler', () => {
  it('proposes one term per concept, broader ones first, and skips what breaks a SKOS rule', async () => {
    const ledger = new InMemoryGlossaryLedger();
    const result = await importing(TURTLE, ledger);
    expect(result).toMatchObject({ proposed: 2, skippedCount: 1 });
    const byName = (name: string) =>
      result.concepts.find((c) => c.concept === `https://example.org/starter#${name}`);
    const [rights, participation, twice] = ['rights', 'participation', 'twice'].map(byName);
    expect(result.concepts.indexOf(rights!)).toBeLessThan(result.concepts.indexOf(participation!));
    expect(rights).toMatchObject({ skipped: null });
    expect(twice).toMatchObject({ id: null, skipped: 'GLOSSARY_TERM.LABELS_OVERLAP' });
    const [proposed] = ledger.eventsOf(ghent, participation!.id as string);
    expect(proposed.data).toMatchObject({
      content: { prefLabel: { en: 'Participation', nl: 'Participatie' }, broader: [rights!.id] },
    });
  });

  it('proposes nothing twice: a second import finds the labels taken', async () => {
    const ledger = new InMemoryGlossaryLedger();
    await importing(TURTLE, ledger);
    const again = await importing(TURTLE, ledger);
    expect(again.proposed).toBe(0);
    expect(again.concepts.map((c) => c.skipped)).toContain('GLOSSARY_TERM.LABEL_TAKEN');
  });

  it('skips a concept larger than a term may be, whatever the file says', async () => {
    const huge = `@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/huge> a skos:Concept ;
  skos:prefLabel "Huge"@en ;
  skos:definition "${'x'.repeat(6000)}"@en .
`;
    const result = await importing(huge);
    expect(result).toMatchObject({ proposed: 0, skippedCount: 1 });
    expect(result.concepts[0]).toMatchObject({ id: null, skipped: 'GLOSSARY_TERM.TOO_LARGE' });
  });

  it('names the line a file stops being Turtle on', async () => {
    await expect(
      importing('@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n<a> skos:x ?? .'),
    ).rejects.toMatchObject({
      code: 'GLOSSARY.IMPORT_UNREADABLE',
      details: { line: 3 },
    });
  });
});
