import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResultView } from '@rl/web';
import { GlossaryLedger } from '../../persistence/glossary-ledger';
import { TakeStanceCommand } from './take-stance.command';

@CommandHandler(TakeStanceCommand)
export class TakeStanceHandler implements ICommandHandler<TakeStanceCommand, WriteResultView> {
  constructor(private readonly ledger: GlossaryLedger) {}

  async execute({
    cityId,
    termId,
    proposalId,
    stance,
    metadata,
  }: TakeStanceCommand): Promise<WriteResultView> {
    const { version, position } = await this.ledger.execute(cityId, termId, {
      command: { type: 'TakeStance', proposalId, memberId: metadata.actorId, stance },
      metadata,
    });
    return { version, position };
  }
}
