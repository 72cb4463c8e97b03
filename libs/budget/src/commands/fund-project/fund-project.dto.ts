import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { BUDGET_LIMITS as L } from '../../domain/budget-limits';
import { BoundedText, MoneyDto } from '../budget-fields.dto';

export class ExpectedContributionDto {
  @ApiProperty({ format: 'uuid', description: "One of the budget line's indicators" })
  @IsUUID()
  indicatorId!: string;

  @ApiProperty({ maxLength: L.text, example: '40 young people back in education or training (illustrative)' })
  @BoundedText(L.text)
  expected!: string;
}

export class FundProjectDto {
  @ApiProperty({ format: 'uuid', description: 'An organisation of the city' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ maxLength: L.title, example: 'Homework clubs (illustrative)' })
  @BoundedText(L.title)
  title!: string;

  @ApiProperty({
    type: MoneyDto,
    description: "In the line's currency; the projects of a line fit its amount",
  })
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ type: [ExpectedContributionDto], maxItems: L.contributionsPerProject })
  @IsArray()
  @ArrayMaxSize(L.contributionsPerProject)
  @ValidateNested({ each: true })
  @Type(() => ExpectedContributionDto)
  contributions!: ExpectedContributionDto[];
}
