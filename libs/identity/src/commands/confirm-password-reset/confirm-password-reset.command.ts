import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsNewPassword } from '../../auth/password-policy';

export class ConfirmPasswordResetDto {
  @ApiProperty({ description: 'The one-time token from the password-reset e-mail' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token is not a password-reset token' })
  token!: string;

  @IsNewPassword()
  password!: string;
}

// Sets a new password with an e-mailed token; every session of the account ends.
export class ConfirmPasswordResetCommand extends Command<void> {
  constructor(
    readonly token: string,
    readonly password: string,
  ) {
    super();
  }
}
