import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { ProposalWrittenView } from '../../term.view';
import { DecideProposalDto } from './decide-proposal.dto';

export class DecideProposalCommand extends Command<ProposalWrittenView> {
  constructor(
    readonly cityId: CityId,
    readonly termId: string,
    readonly decision: 'adopt' | 'reject',
    readonly expectedVersion: number,
    readonly input: DecideProposalDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
