import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsIanaTimeZone } from '../../time-zone.validator';

// The whole set (PUT): every field is required, timezone may be null.
export class UpdateMyPreferencesDto {
  @ApiProperty({ description: 'Receive notices by e-mail' })
  @IsBoolean()
  email!: boolean;

  @ApiProperty({ description: 'Receive notices in the in-app inbox' })
  @IsBoolean()
  inApp!: boolean;

  @ApiProperty({ description: 'E-mails as one daily digest (08:00 in your time zone)' })
  @IsBoolean()
  digest!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Europe/Brussels',
    description: "IANA time zone; null = each city's own. Stored under its canonical name.",
  })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  @IsIanaTimeZone()
  timezone!: string | null;
}
