import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { glossaryTermDecider } from '../../domain/glossary-term.decider';
import { glossaryTermStream } from '../../domain/glossary-term.events';
import { GlossaryLedger } from '../../persistence/glossary-ledger';
import { ProposalWrittenView } from '../../term.view';
import { DecideProposalCommand } from './decide-proposal.command';

// The coordinator's review: adopts (the proposal becomes the current revision, the other open ones are
// superseded) or rejects a proposal, with a note, at the version they saw.
@CommandHandler(DecideProposalCommand)
export class DecideProposalHandler implements ICommandHandler<DecideProposalCommand, ProposalWrittenView> {
  constructor(
    private readonly ledger: GlossaryLedger,
    private readonly aggregates: Aggregates,
  ) {}

  async execute(command: DecideProposalCommand): Promise<ProposalWrittenView> {
    const { cityId, termId, decision, expectedVersion, input, metadata } = command;
    // Named, or the only one open at the If-Match version (so a retry picks the same one).
    const proposalId = input.proposalId ?? (await this.onlyOpenProposal(cityId, termId, expectedVersion));
    const { note } = input;
    const { version, position } = await this.ledger.execute(cityId, termId, {
      command:
        decision === 'adopt'
          ? { type: 'AdoptProposal', proposalId, note }
          : { type: 'RejectProposal', proposalId, note },
      expected: expectedVersion,
      metadata,
    });
    return { proposalId: proposalId ?? '', version, position };
  }

  // Undefined when none or several are open: the decider then answers why.
  private async onlyOpenProposal(
    cityId: CityId,
    termId: string,
    version: number,
  ): Promise<string | undefined> {
    const stream = glossaryTermStream(termId);
    const { state } = await this.aggregates.load(cityId, glossaryTermDecider, stream, { version });
    const open = state.exists ? state.proposals.filter((p) => p.status === 'open') : [];
    return open.length === 1 ? open[0].id : undefined;
  }
}
