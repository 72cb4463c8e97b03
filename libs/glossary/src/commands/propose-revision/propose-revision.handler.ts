import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { GlossaryLedger } from '../../persistence/glossary-ledger';
import { ProposalWrittenView } from '../../term.view';
import { lastProposalAt } from '../proposal-of';
import { ProposeRevisionCommand } from './propose-revision.command';

@CommandHandler(ProposeRevisionCommand)
export class ProposeRevisionHandler implements ICommandHandler<ProposeRevisionCommand, ProposalWrittenView> {
  constructor(
    private readonly ledger: GlossaryLedger,
    private readonly aggregates: Aggregates,
  ) {}

  async execute({ cityId, termId, input, metadata }: ProposeRevisionCommand): Promise<ProposalWrittenView> {
    const { changes, rationale } = input;
    const { version, position } = await this.ledger.execute(cityId, termId, {
      command: { type: 'ProposeRevision', proposalId: uuidv7(), changes, rationale },
      metadata,
    });
    return { proposalId: await lastProposalAt(this.aggregates, cityId, termId, version), version, position };
  }
}
