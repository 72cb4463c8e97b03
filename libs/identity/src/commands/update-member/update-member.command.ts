import { Command } from '@nestjs/cqrs';
import { CityId, UserId } from '@rl/kernel';
import { MemberView } from '../../member.view';
import { UpdateMemberDto } from './update-member.dto';

export class UpdateMemberCommand extends Command<MemberView> {
  constructor(
    readonly cityId: CityId,
    readonly actorId: UserId,
    readonly memberId: string,
    readonly changes: UpdateMemberDto,
  ) {
    super();
  }
}
