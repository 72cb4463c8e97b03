import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ContributionView, CriterionView, MoneyView } from './budget.views';

export class PublicProjectView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: MoneyView }) amount!: MoneyView;
  @ApiProperty({ type: [ContributionView] }) contributions!: ContributionView[];
}

export class PublicCallView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) opens!: string;
  @ApiProperty({ format: 'date-time' }) closes!: string;
  @ApiProperty({ type: [CriterionView] }) criteria!: CriterionView[];
  @ApiProperty({ type: [PublicProjectView] }) projects!: PublicProjectView[];
}

export class PublicBudgetLineView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: MoneyView }) amount!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'What funded projects take from the line' })
  committed!: MoneyView;
  @ApiProperty({ type: [String], format: 'uuid' }) indicators!: string[];
  @ApiProperty({ type: [PublicCallView] }) calls!: PublicCallView[];
}

export class PublicIndicatorRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ED-01' }) code!: string;
  @ApiProperty() name!: string;
}

export class PublicBudgetView {
  @ApiProperty({ example: 'ghent' }) city!: string;
  @ApiProperty({ type: [PublicBudgetLineView], description: 'Published lines by year and code' })
  lines!: PublicBudgetLineView[];
  @ApiProperty({
    type: [PublicIndicatorRefView],
    description:
      'The public indicators the lines, criteria and projects refer to; an id not listed is an indicator the city has not published',
  })
  indicators!: PublicIndicatorRefView[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as `after` for the next lines' })
  next!: string | null;
}
