import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'coordinator@ghent.demo' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;
}

// Sends a reset token to the address if it has an active account; the caller never learns which.
export class RequestPasswordResetCommand extends Command<void> {
  constructor(readonly email: string) {
    super();
  }
}
