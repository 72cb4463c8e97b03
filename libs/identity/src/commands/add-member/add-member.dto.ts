import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { CITY_ROLES, CityRole } from '@rl/kernel';

export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export class AddMemberDto {
  @ApiProperty({ example: 'an.peeters@ghent.example' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'An Peeters' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: CITY_ROLES })
  @IsIn(CITY_ROLES)
  role!: CityRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'The organisation a collector submits data for' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ example: 'nl' })
  @IsOptional()
  @Matches(LOCALE_PATTERN, { message: 'locale must be a BCP 47 language tag such as nl or en-GB' })
  locale?: string;
}
