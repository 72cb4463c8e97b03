import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { MemberView } from '../../member.view';
import { UpdateMemberDto } from './update-member.dto';

export class UpdateMemberCommand extends Command<MemberView> {
  constructor(
    readonly cityId: CityId,
    readonly metadata: CommandMetadata,
    readonly memberId: string,
    readonly changes: UpdateMemberDto,
  ) {
    super();
  }
}
