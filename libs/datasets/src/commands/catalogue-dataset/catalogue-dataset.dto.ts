import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DATASET_LIMITS as L } from '../../domain/dataset-details';
import {
  DATASET_FORMATS,
  DATASET_KINDS,
  DatasetFormat,
  DatasetKind,
  SECTORS,
  Sector,
  SPATIAL_SCHEMES,
  SpatialScheme,
  UPDATE_FREQUENCIES,
  UpdateFrequency,
} from '../../domain/dataset-vocabularies';
import { AssessmentDto } from '../assessment.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = { message: '$property must be a day (YYYY-MM-DD)' };

export class TemporalCoverageDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  to?: string;
}

export class SpatialCoverageDto {
  @ApiPropertyOptional({ maxLength: L.spatialLabel, example: 'Ghent' })
  @IsOptional()
  @IsString()
  @Length(1, L.spatialLabel)
  label?: string;

  @ApiPropertyOptional({ enum: SPATIAL_SCHEMES })
  @IsOptional()
  @IsIn(SPATIAL_SCHEMES)
  scheme?: SpatialScheme;

  @ApiPropertyOptional({ maxLength: L.spatialCode, example: 'BE234', description: 'A NUTS or LAU code' })
  @IsOptional()
  @IsString()
  @Length(1, L.spatialCode)
  code?: string;
}

export class CatalogueDatasetDto {
  @ApiPropertyOptional({ enum: DATASET_KINDS, default: 'dataset' })
  @IsOptional()
  @IsIn(DATASET_KINDS)
  kind?: DatasetKind;

  @ApiProperty({ maxLength: L.title, example: 'Social housing waiting list' })
  @IsString()
  @Length(1, L.title)
  title!: string;

  @ApiProperty({ maxLength: L.description })
  @IsString()
  @Length(1, L.description)
  description!: string;

  @ApiProperty({ format: 'uuid', description: 'The organisation of the city that holds it' })
  @IsUUID()
  owner!: string;

  @ApiPropertyOptional({
    enum: SECTORS,
    description:
      "Default: implied by the owner's kind (local_authority → public, academic, cso); required for other kinds",
  })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiProperty({ maxLength: L.licence, example: 'CC-BY-4.0', description: 'An SPDX licence id (else 422)' })
  @IsString()
  @Length(1, L.licence)
  licence!: string;

  @ApiProperty({ enum: UPDATE_FREQUENCIES, description: 'The EU frequency vocabulary, by name' })
  @IsIn(UPDATE_FREQUENCIES)
  updateFrequency!: UpdateFrequency;

  @ApiPropertyOptional({ maxLength: L.url, format: 'uri' })
  @IsOptional()
  @IsString()
  @MaxLength(L.url)
  accessUrl?: string;

  @ApiPropertyOptional({ enum: DATASET_FORMATS })
  @IsOptional()
  @IsIn(DATASET_FORMATS)
  format?: DatasetFormat;

  @ApiProperty({ description: 'Whether it holds personal data' })
  @IsBoolean()
  personalData!: boolean;

  @ApiPropertyOptional({ type: TemporalCoverageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemporalCoverageDto)
  temporalCoverage?: TemporalCoverageDto;

  @ApiPropertyOptional({ type: SpatialCoverageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpatialCoverageDto)
  spatialCoverage?: SpatialCoverageDto;

  @ApiPropertyOptional({
    type: [String],
    maxItems: L.indicators,
    description: "Ids of the city's indicators it feeds",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.indicators)
  @IsUUID('all', { each: true })
  indicators?: string[];

  @ApiPropertyOptional({
    default: false,
    description: "Whether it may appear in the city's public catalogue",
  })
  @IsOptional()
  @IsBoolean()
  public?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'When its owner first issued it' })
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  issued?: string;

  @ApiPropertyOptional({ format: 'date', description: 'When its owner last changed it' })
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  modified?: string;

  @ApiPropertyOptional({ type: AssessmentDto, description: 'A first quality assessment' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssessmentDto)
  qualityAssessment?: AssessmentDto;
}
