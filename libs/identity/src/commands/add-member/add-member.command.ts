import { Command } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_ROLES, CityId, CityRole } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { AddMemberDto } from './add-member.dto';

export class AddedMemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: CITY_ROLES }) role!: CityRole;
  @ApiProperty({ description: 'The e-mail address already had an account (its password is left unchanged)' })
  existingAccount!: boolean;
  @ApiPropertyOptional({
    description: 'One-time token for POST /v1/auth/accept-invite, if the account has no password yet',
  })
  invitationToken?: string;
  @ApiPropertyOptional({ format: 'date-time' }) invitationExpiresAt?: string;
}

export class AddMemberCommand extends Command<AddedMemberView> {
  constructor(
    readonly cityId: CityId,
    readonly metadata: CommandMetadata,
    readonly input: AddMemberDto,
  ) {
    super();
  }
}
