import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { DomainError } from '@rl/kernel';
import { GlossaryErrors } from '../../domain/glossary.errors';
import { GlossaryLedger } from '../../persistence/glossary-ledger';
import { GlossaryImportView, ImportedTermView } from '../../term.view';
import { ImportedConcept, inLinkOrder, readSkosConcepts } from './skos-import';
import { ImportGlossaryCommand } from './import-glossary.command';

export const MAX_IMPORT_CONCEPTS = 2000;

// A SKOS file (a shared starter vocabulary, another city's export) becomes proposals, one term per
// concept, for the city to discuss and adopt. A concept that cannot be proposed (its label is taken, it
// breaks a SKOS rule, it is deprecated) is skipped with the reason's code; the others go ahead.
@CommandHandler(ImportGlossaryCommand)
export class ImportGlossaryHandler implements ICommandHandler<ImportGlossaryCommand, GlossaryImportView> {
  constructor(private readonly ledger: GlossaryLedger) {}

  async execute({ cityId, turtle, metadata }: ImportGlossaryCommand): Promise<GlossaryImportView> {
    const concepts = inLinkOrder(readSkosConcepts(turtle));
    if (concepts.length > MAX_IMPORT_CONCEPTS)
      throw GlossaryErrors.IMPORT_TOO_LARGE({ message: `At most ${MAX_IMPORT_CONCEPTS} concepts per file` });
    // Each term is appended on its own, so no idempotency key (it names one append): a retried import
    // finds its labels taken and proposes nothing twice.
    const { idempotencyKey: _key, requestFingerprint: _fingerprint, ...plain } = metadata;
    const ids = new Map<string, string>();
    const results: ImportedTermView[] = [];
    let position = 0;
    for (const concept of concepts) {
      const skipped = concept.invalid ?? (concept.deprecated ? 'GLOSSARY.IMPORT_DEPRECATED' : null);
      if (skipped) {
        results.push({ concept: concept.uri, id: null, skipped });
        continue;
      }
      const termId = uuidv7();
      try {
        ({ position } = await this.ledger.execute(cityId, termId, {
          command: {
            type: 'ProposeTerm',
            termId,
            proposalId: uuidv7(),
            content: linked(concept, ids),
            rationale: `Imported from ${concept.uri}`,
          },
          expected: 0,
          metadata: plain,
        }));
        ids.set(concept.uri, termId);
        results.push({ concept: concept.uri, id: termId, skipped: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ concept: concept.uri, id: null, skipped: error.code });
      }
    }
    const proposed = results.filter((r) => r.id !== null).length;
    return { position, proposed, skippedCount: results.length - proposed, concepts: results };
  }
}

// Links to concepts of the file become links to the terms proposed for them; others are left out.
const linked = ({ content }: ImportedConcept, ids: ReadonlyMap<string, string>) => {
  const known = (uris: string[]) => uris.flatMap((uri) => (ids.has(uri) ? [ids.get(uri) as string] : []));
  return { ...content, broader: known(content.broader), related: known(content.related) };
};
