import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';

export class CreatedView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class MoneyView {
  @ApiProperty({ example: 250000 }) value!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}

class Stamped {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Stream version; send it as If-Match to change the object' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BudgetLineView extends Stamped {
  @ApiProperty({ example: 'SOC-2025-07' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty({ type: MoneyView }) amount!: MoneyView;
  @ApiProperty({ type: [String], format: 'uuid' }) indicators!: string[];
  @ApiProperty({ type: MoneyView, description: 'What funded projects take from the line' })
  committed!: MoneyView;
  @ApiProperty({ description: 'Public with its calls and projects' }) public!: boolean;
}

export class CriterionView {
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Percentage of the assessment' }) weight!: number;
}

export class CallView extends Stamped {
  @ApiProperty({ format: 'uuid' }) budgetLineId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) opens!: string;
  @ApiProperty({ format: 'date-time' }) closes!: string;
  @ApiProperty({ type: [CriterionView] }) criteria!: CriterionView[];
}

export class ContributionView {
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ description: 'The contribution the project declared' }) expected!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The contribution reported later' })
  reported!: string | null;
}

export class FundedProjectView extends Stamped {
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty({ format: 'uuid' }) budgetLineId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: MoneyView }) amount!: MoneyView;
  @ApiProperty({ type: [ContributionView] }) contributions!: ContributionView[];
}

export class CallWithProjectsView extends CallView {
  @ApiProperty({ type: [FundedProjectView], description: 'Every project funded under the call' })
  projects!: FundedProjectView[];
}
