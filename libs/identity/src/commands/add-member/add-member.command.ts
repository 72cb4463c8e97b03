import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { CITY_ROLES, CityId, CityRole } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { AddMemberDto } from './add-member.dto';

export const MEMBER_STATUSES = ['pending', 'active', 'removed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

// The same shape whether or not the e-mail address already had an account anywhere.
export class AddedMemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: CITY_ROLES }) role!: CityRole;
  @ApiProperty({
    enum: MEMBER_STATUSES,
    description: 'pending: the person is told by e-mail and has no access until they accept',
  })
  status!: MemberStatus;
}

export class AddMemberCommand extends Command<AddedMemberView> {
  constructor(
    readonly cityId: CityId,
    readonly metadata: CommandMetadata,
    readonly input: AddMemberDto,
    // Only for trusted internal callers that vouch for the person's consent (the demo seed, benches):
    // the membership is active at once and no e-mail is sent. The HTTP API never sets it.
    readonly options: { activeAtOnce?: boolean } = {},
  ) {
    super();
  }
}
