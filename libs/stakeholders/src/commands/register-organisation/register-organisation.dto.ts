import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '../../domain/organisation.events';

export const NAME_PATTERN = /\S/;

export class RegisterOrganisationDto {
  @ApiProperty({ example: 'Vluchtelingenwerk Gent', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(NAME_PATTERN, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;
}
