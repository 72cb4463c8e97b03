import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { termIdOfStream } from '../../domain/glossary-term.events';
import { GlossaryLedger } from '../../persistence/glossary-ledger';
import { CreatedTermView } from '../../term.view';
import { ProposeTermCommand } from './propose-term.command';

@CommandHandler(ProposeTermCommand)
export class ProposeTermHandler implements ICommandHandler<ProposeTermCommand, CreatedTermView> {
  constructor(private readonly ledger: GlossaryLedger) {}

  async execute({ cityId, input, metadata }: ProposeTermCommand): Promise<CreatedTermView> {
    const termId = uuidv7();
    const { rationale = '', ...content } = input;
    const result = await this.ledger.execute(cityId, termId, {
      command: { type: 'ProposeTerm', termId, proposalId: uuidv7(), content, rationale },
      expected: 0,
      metadata,
    });
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return {
      id: termIdOfStream(result.streamId),
      status: 'proposed',
      version: result.version,
      position: result.position,
    };
  }
}
