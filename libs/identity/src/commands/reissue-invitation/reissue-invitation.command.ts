import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { AddedMemberView } from '../add-member/add-member.command';

// Sends a pending member the invitation again; a token sent before dies.
export class ReissueInvitationCommand extends Command<AddedMemberView> {
  constructor(
    readonly cityId: CityId,
    readonly metadata: CommandMetadata,
    readonly memberId: string,
  ) {
    super();
  }
}
