import { ApiProperty } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsString, IsTimeZone, Length, Matches } from 'class-validator';

export class CreateCityDto {
  @ApiProperty({
    example: 'ghent',
    description: 'Lower-case letters, digits and dashes; used in every city URL',
  })
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, {
    message: 'slug must be 2-63 lower-case letters, digits or dashes, starting with a letter',
  })
  slug!: string;

  @ApiProperty({ example: 'Ghent' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'BE', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  countryCode!: string;

  @ApiProperty({ example: 'nl', description: 'BCP 47 language tag, e.g. nl, it, en-GB' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    message: 'defaultLocale must be a BCP 47 language tag such as nl or en-GB',
  })
  defaultLocale!: string;

  @ApiProperty({ example: 'Europe/Brussels', description: 'IANA time zone; deadlines are set in it' })
  @IsTimeZone()
  timezone!: string;
}
