import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { BUDGET_LIMITS as L } from '../../domain/budget-limits';
import { BoundedText } from '../budget-fields.dto';

export class ReportedContributionDto {
  @ApiProperty({ format: 'uuid', description: 'An indicator the project declared a contribution to' })
  @IsUUID()
  indicatorId!: string;

  @ApiProperty({ maxLength: L.text, example: '35 young people back in education (illustrative)' })
  @BoundedText(L.text)
  reported!: string;
}

export class ReportContributionsDto {
  @ApiProperty({ type: [ReportedContributionDto], minItems: 1, maxItems: L.contributionsPerProject })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.contributionsPerProject)
  @ValidateNested({ each: true })
  @Type(() => ReportedContributionDto)
  contributions!: ReportedContributionDto[];
}
