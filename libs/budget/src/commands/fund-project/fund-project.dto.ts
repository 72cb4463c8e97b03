import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { BUDGET_LIMITS as L } from '../../domain/budget-limits';
import { BoundedText, ProjectMoneyDto } from '../budget-fields.dto';

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
    type: ProjectMoneyDto,
    description:
      "In the line's currency: `{value, currency?}`, or the value alone as a number; the projects of a line fit its amount",
  })
  @Transform(
    ({ value }: { value: unknown }) =>
      typeof value === 'number' ? Object.assign(new ProjectMoneyDto(), { value }) : value,
    {
      toClassOnly: true,
    },
  )
  @ValidateNested()
  @Type(() => ProjectMoneyDto)
  amount!: ProjectMoneyDto;

  @ApiProperty({ type: [ExpectedContributionDto], maxItems: L.contributionsPerProject })
  @IsArray()
  @ArrayMaxSize(L.contributionsPerProject)
  @ValidateNested({ each: true })
  @Type(() => ExpectedContributionDto)
  contributions!: ExpectedContributionDto[];
}
