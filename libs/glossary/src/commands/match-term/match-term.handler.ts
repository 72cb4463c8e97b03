import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResultView } from '@rl/web';
import { GlossaryTermErrors } from '../../domain/glossary.errors';
import { GlossaryLedger } from '../../persistence/glossary-ledger';
import { PublishedGlossaries } from '../../persistence/published-glossaries.repository';
import { MatchTermCommand } from './match-term.command';

// Maps a term to another city's term, which must be adopted in that city's published glossary: a city
// sees no other city's glossary unless it is published, so an unknown and an unpublished term look alike.
@CommandHandler(MatchTermCommand)
export class MatchTermHandler implements ICommandHandler<MatchTermCommand, WriteResultView> {
  constructor(
    private readonly ledger: GlossaryLedger,
    private readonly published: PublishedGlossaries,
  ) {}

  async execute({ cityId, termId, input, metadata }: MatchTermCommand): Promise<WriteResultView> {
    const target = await this.published.city(input.city);
    const known =
      target !== null &&
      target.id !== cityId &&
      (await this.published.isAdoptedAndPublished(target.id, input.termId));
    if (!target || !known)
      throw GlossaryTermErrors.MATCH_TARGET_UNKNOWN({
        errors: [{ field: 'termId', message: `is not an adopted term of another city's published glossary` }],
      });
    const match = { cityId: target.id, termId: input.termId, kind: input.kind };
    const { version, position } = await this.ledger.execute(cityId, termId, {
      command: { type: 'MatchTerm', match },
      metadata,
    });
    return { version, position };
  }
}
