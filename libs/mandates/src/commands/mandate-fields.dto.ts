import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { MANDATE_LIMITS as L } from '../domain/mandate-limits';

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DAY_MESSAGE = (field: string) => `${field} must be a calendar day YYYY-MM-DD`;
export const NOT_BLANK = /\S/;

export class MandateScopeDto {
  @ApiPropertyOptional({ description: 'Covers everything the holder does for the city', default: false })
  @IsOptional()
  @IsBoolean()
  all?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: L.scopeIds,
    description: 'Indicators of the city',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.scopeIds)
  @IsUUID(undefined, { each: true })
  indicators?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: L.scopeIds,
    description: 'Tasks of the city',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.scopeIds)
  @IsUUID(undefined, { each: true })
  tasks?: string[];
}

export class MandateSignerDto {
  @ApiProperty({
    example: 'An Peeters',
    maxLength: L.signerName,
    description: "The signer's name (personal data)",
  })
  @IsString()
  @Length(1, L.signerName)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ example: 'Director', maxLength: L.signerFunction })
  @IsString()
  @Length(1, L.signerFunction)
  @Matches(NOT_BLANK, { message: 'function must not be blank' })
  function!: string;
}
