import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { ProposalWrittenView } from '../../term.view';
import { ProposeRevisionDto } from './propose-revision.dto';

export class ProposeRevisionCommand extends Command<ProposalWrittenView> {
  constructor(
    readonly cityId: CityId,
    readonly termId: string,
    readonly input: ProposeRevisionDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
