import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { SDMX_CODE_PATTERN, SdmxDimensionMapping } from '../../domain/sdmx-mapping';

const CODE = 'An SDMX code: letters, digits, _ @ $ . -; at most 50 characters';

export class SetSdmxMappingDto {
  @ApiProperty({ description: `SDG SERIES code. ${CODE}`, example: 'SP_HOMELESS', maxLength: 50 })
  @IsString()
  @Matches(SDMX_CODE_PATTERN)
  series!: string;

  @ApiProperty({ description: `REF_AREA code. ${CODE}`, example: 'BE_GNT', maxLength: 50 })
  @IsString()
  @Matches(SDMX_CODE_PATTERN)
  refArea!: string;

  @ApiProperty({ description: `UNIT_MEASURE code. ${CODE}`, example: 'NUMBER', maxLength: 50 })
  @IsString()
  @Matches(SDMX_CODE_PATTERN)
  unitMeasure!: string;

  @ApiPropertyOptional({
    description: 'UNIT_MULT: power of ten of the values',
    default: 0,
    minimum: -12,
    maximum: 12,
  })
  @IsOptional()
  @IsInt()
  @Min(-12)
  @Max(12)
  unitMult?: number;

  @ApiProperty({
    description:
      'Per local dimension: the SDG DSD dimension it is (SEX, AGE, URBANISATION, …) and a code per local value; ' +
      'at most 20 dimensions of 500 values, names and values of at most 200 characters',
    example: { Sexe: { code: 'SEX', values: { Dona: 'F', Home: 'M' } } },
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        values: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  })
  @IsObject()
  dimensions!: Record<string, SdmxDimensionMapping>;
}

export class SdmxMappingQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: record nothing; 422 SDMX.UNMAPPED lists what the data has that the mapping does not code',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
