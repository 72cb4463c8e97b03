import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { commaList } from '@rl/web';

// The frameworks an indicator may reference (the indicators context's FrameworkRef).
export const FRAMEWORKS = ['SDG', 'FRA', 'OHCHR', 'other'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const SERIES_FORMATS = ['json', 'csv'] as const;
export type SeriesFormat = (typeof SERIES_FORMATS)[number];

const SLUG = /^[a-z][a-z0-9-]{1,62}$/;
// A year, a quarter, a month or a year span, as periods are coded: 2024, 2024-Q1, 2024-03, 2013/14.
const PERIOD = /^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2])|\/\d{2})?$/;
const NOT_BLANK = /\S/;
const MAX_CITIES = 200;

// Which comparison: a framework code, optionally narrowed to some cities.
export class ComparisonTargetDto {
  @ApiProperty({ enum: FRAMEWORKS, example: 'SDG' })
  @IsIn(FRAMEWORKS)
  framework!: Framework;

  @ApiProperty({ example: '11.1.1', description: "The framework's indicator code" })
  @IsString()
  @Length(1, 64)
  @Matches(NOT_BLANK, { message: 'code must not be blank' })
  code!: string;

  @ApiPropertyOptional({
    type: String,
    example: 'ghent,padua',
    description:
      'Comma-separated city slugs: only these cities, ranked among themselves. Cities that did not publish the code are simply absent.',
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray({ message: 'cities must be a comma-separated list of city slugs' })
  @ArrayMinSize(1, { message: 'cities must name at least one city' })
  @ArrayMaxSize(MAX_CITIES, { message: `cities may name at most ${MAX_CITIES} cities` })
  @Matches(SLUG, { each: true, message: 'cities must be a comma-separated list of city slugs' })
  cities?: string[];
}

export class ComparisonQueryDto extends ComparisonTargetDto {
  @ApiProperty({ example: '2024', description: 'Period code: 2024, 2024-Q1, 2024-03 or 2013/14' })
  @Matches(PERIOD, { message: 'period must be a period code such as 2024, 2024-Q1, 2024-03 or 2013/14' })
  period!: string;
}

export class ComparisonSeriesQueryDto extends ComparisonTargetDto {
  @ApiPropertyOptional({ example: 2010, description: 'First year (periods line up by their first year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2199)
  from?: number;

  @ApiPropertyOptional({ example: 2019, description: 'Last year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2199)
  to?: number;

  @ApiPropertyOptional({ enum: SERIES_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(SERIES_FORMATS)
  format?: SeriesFormat;
}
