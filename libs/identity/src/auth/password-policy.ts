import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

// ASVS 2.1: at least 12 characters, at most 128 (a bounded argon2 input), any characters allowed.
export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;

export const IsNewPassword = () =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_LENGTH.min, maxLength: PASSWORD_LENGTH.max }),
    IsString(),
    Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max),
  );
