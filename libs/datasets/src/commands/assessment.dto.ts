import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATASET_LIMITS } from '../domain/dataset-details';
import { Assessment, CRITERIA, Criterion, VERDICTS, Verdict } from '../domain/dataset.events';

export class CriterionDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 poor … 5 good' })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({ maxLength: DATASET_LIMITS.note })
  @IsOptional()
  @IsString()
  @MaxLength(DATASET_LIMITS.note)
  note?: string;
}

const Scored = () =>
  applyDecorators(
    ApiProperty({ type: CriterionDto }),
    IsDefined(),
    ValidateNested(),
    Type(() => CriterionDto),
  );

// The guidance's short checklist for a dataset or a data-collection tool.
export class ChecklistDto implements Record<Criterion, CriterionDto> {
  @Scored() relevance!: CriterionDto;
  @Scored() accuracy!: CriterionDto;
  @Scored() timeliness!: CriterionDto;
  @Scored() accessibility!: CriterionDto;
  @Scored() comparability!: CriterionDto;
}

export class AssessmentDto {
  @ApiProperty({ type: ChecklistDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ChecklistDto)
  checklist!: ChecklistDto;

  @ApiProperty({ enum: VERDICTS, description: 'Adapt what exists, or replace it' })
  @IsIn(VERDICTS)
  verdict!: Verdict;

  @ApiPropertyOptional({ maxLength: DATASET_LIMITS.note, description: 'Why, in a few words' })
  @IsOptional()
  @IsString()
  @MaxLength(DATASET_LIMITS.note)
  summary?: string;
}

export const toAssessment = ({ checklist, verdict, summary }: AssessmentDto): Assessment => ({
  scores: Object.fromEntries(CRITERIA.map((c) => [c, checklist[c].score])) as Assessment['scores'],
  notes: Object.fromEntries(
    CRITERIA.flatMap((c) => (checklist[c].note === undefined ? [] : [[c, checklist[c].note]])),
  ),
  verdict,
  ...(summary !== undefined && { summary }),
});
