import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { PASSWORD_LENGTH } from '../add-member/add-member.dto';

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The invitationToken returned when the member was added' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/, {
    message: 'token is not an invitation token',
  })
  token!: string;

  @ApiProperty({ minLength: PASSWORD_LENGTH.min })
  @IsString()
  @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max)
  password!: string;
}
