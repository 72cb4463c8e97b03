import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsNewPassword } from '../../auth/password-policy';

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The one-time token from the invitation e-mail' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/, {
    message: 'token is not an invitation token',
  })
  token!: string;

  @IsNewPassword()
  password!: string;
}
