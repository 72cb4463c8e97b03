import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { UserId } from '@rl/kernel';
import { IsNewPassword } from '../../auth/password-policy';
import { SessionView } from '../../auth/session.view';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @IsNewPassword()
  newPassword!: string;
}

// Changes the signed-in user's password; every session ends and the caller gets a new one.
export class ChangePasswordCommand extends Command<SessionView> {
  constructor(
    readonly userId: UserId,
    readonly input: ChangePasswordDto,
  ) {
    super();
  }
}
