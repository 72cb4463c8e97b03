import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResultView } from '@rl/web';
import { GlossaryLedger } from '../../persistence/glossary-ledger';
import { DeprecateTermCommand } from './deprecate-term.command';

// A deprecated term is never deleted: it stays readable, with the term that replaces it.
@CommandHandler(DeprecateTermCommand)
export class DeprecateTermHandler implements ICommandHandler<DeprecateTermCommand, WriteResultView> {
  constructor(private readonly ledger: GlossaryLedger) {}

  async execute({
    cityId,
    termId,
    expectedVersion,
    input,
    metadata,
  }: DeprecateTermCommand): Promise<WriteResultView> {
    const { note, replacedBy } = input;
    const { version, position } = await this.ledger.execute(cityId, termId, {
      command: { type: 'DeprecateTerm', note, replacedBy },
      expected: expectedVersion,
      metadata,
    });
    return { version, position };
  }
}
