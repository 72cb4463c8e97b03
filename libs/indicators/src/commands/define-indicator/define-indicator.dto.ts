import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import {
  FRAMEWORKS,
  INDICATOR_DIRECTIONS,
  INDICATOR_TYPES,
  type Framework,
  type IndicatorDirection,
  type IndicatorType,
} from '../../domain/indicator.events';

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const NOT_BLANK = /\S/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

// A plain string (the city's default locale) or { locale: text }.
export type LocalisedInput = string | Record<string, string>;

const isText = (value: unknown, max: number) =>
  typeof value === 'string' && NOT_BLANK.test(value) && value.length <= max;

export function IsLocalisedText(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalisedText',
      validator: {
        validate: (value: unknown) => {
          if (typeof value === 'string') return isText(value, max);
          if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length > 0 &&
            entries.length <= 20 &&
            entries.every(([locale, text]) => LOCALE.test(locale) && isText(text, max))
          );
        },
        defaultMessage: (args) =>
          `${args?.property} must be a non-blank text of at most ${max} characters, or an object of locale (such as nl or en-GB) to such text`,
      },
    },
    options,
  );
}

const LOCALISED_SCHEMA = {
  oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }],
};

export class DisaggregationDto {
  @ApiProperty({ example: 'sex' })
  @IsString()
  @Length(1, 64)
  @Matches(NOT_BLANK, { message: 'dimension must not be blank' })
  dimension!: string;

  @ApiProperty({ example: ['F', 'M'], description: 'Empty: an open dimension, any value accepted' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'values must not be blank' })
  values!: string[];
}

export class FrameworkRefDto {
  @ApiProperty({ enum: FRAMEWORKS })
  @IsIn(FRAMEWORKS)
  framework!: Framework;

  @ApiProperty({ example: '11.1.1' })
  @IsString()
  @Length(1, 64)
  @Matches(NOT_BLANK, { message: 'code must not be blank' })
  code!: string;
}

export class BenchmarkDto {
  @ApiProperty({ example: 12.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @ApiProperty({ example: 2019 })
  @IsInt()
  @Min(1900)
  @Max(2100)
  year!: number;
}

export class DefineIndicatorDto {
  @ApiProperty({ example: 'ND-P1', pattern: CODE_PATTERN.source })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'code must be 1–32 letters, digits, dots, dashes or underscores' })
  code!: string;

  @ApiProperty({
    ...LOCALISED_SCHEMA,
    example: { nl: 'Klachten over discriminatie', en: 'Discrimination complaints' },
  })
  @IsLocalisedText(300)
  name!: LocalisedInput;

  @ApiPropertyOptional(LOCALISED_SCHEMA)
  @IsOptional()
  @IsLocalisedText(4000)
  description?: LocalisedInput;

  @ApiProperty({ example: 'non-discrimination' })
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'right must not be blank' })
  right!: string;

  @ApiPropertyOptional({ example: 'Equality before the law' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  ohchrAttribute?: string;

  @ApiProperty({ enum: INDICATOR_TYPES })
  @IsIn(INDICATOR_TYPES)
  type!: IndicatorType;

  @ApiProperty({ example: 'count' })
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'unit must not be blank' })
  unit!: string;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS })
  @IsIn(INDICATOR_DIRECTIONS)
  direction!: IndicatorDirection;

  @ApiPropertyOptional({ type: [DisaggregationDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DisaggregationDto)
  disaggregations?: DisaggregationDto[];

  @ApiPropertyOptional({ type: [FrameworkRefDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FrameworkRefDto)
  frameworkRefs?: FrameworkRefDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 10000)
  methodology?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  source?: string;

  @ApiPropertyOptional({ type: BenchmarkDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BenchmarkDto)
  baseline?: BenchmarkDto;

  @ApiPropertyOptional({ type: BenchmarkDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BenchmarkDto)
  target?: BenchmarkDto;

  @ApiPropertyOptional({ type: [String], description: "Ids of the city's glossary terms it uses" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  terms?: string[];

  @ApiPropertyOptional({ enum: ['draft', 'active'], default: 'draft' })
  @IsOptional()
  @IsIn(['draft', 'active'])
  status?: 'draft' | 'active';
}
