import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsUUID, ValidateNested } from 'class-validator';
import { BUDGET_LIMITS as L } from '../../domain/budget-limits';
import { BoundedText, IsInCents } from '../budget-fields.dto';

export class CriterionDto {
  @ApiProperty({ format: 'uuid', description: "One of the budget line's indicators" })
  @IsUUID()
  indicatorId!: string;

  @ApiProperty({
    maxLength: L.text,
    example: 'How the project adds to the share of young people in education (illustrative)',
    description: "What a proposal's contribution to the indicator is assessed on",
  })
  @BoundedText(L.text)
  description!: string;

  @ApiProperty({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 100,
    description: 'Percentage of the assessment; a call sums to at most 100',
  })
  @IsInCents(100)
  weight!: number;
}

export class CreateCallDto {
  @ApiProperty({ example: 'Neighbourhood inclusion projects 2025 (illustrative)', maxLength: L.title })
  @BoundedText(L.title)
  title!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  budgetLineId!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  opens!: string;

  @ApiProperty({ format: 'date-time', example: '2025-04-30T23:59:59Z', description: 'After opens' })
  @IsISO8601({ strict: true })
  closes!: string;

  @ApiProperty({ type: [CriterionDto], maxItems: L.criteriaPerCall })
  @IsArray()
  @ArrayMaxSize(L.criteriaPerCall)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];
}
