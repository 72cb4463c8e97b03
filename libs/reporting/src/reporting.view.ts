import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';
import { ASSIGNMENT_STATUSES, AssignmentStatus } from './domain/assignment.events';
import { PERIOD_GRANULARITIES, PeriodGranularity } from './domain/period-code';

export class CreatedAssignmentView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class PeriodFields {
  @ApiProperty({ example: '2024-Q1', description: 'Normalised (2013/2014 becomes 2013/14)' }) code!: string;
  @ApiProperty({ enum: PERIOD_GRANULARITIES }) granularity!: PeriodGranularity;
  @ApiProperty({ format: 'date', example: '2024-01-01', description: 'First day of the period' })
  start!: string;
  @ApiProperty({
    format: 'date',
    example: '2024-04-01',
    description: 'First day after the period (exclusive)',
  })
  end!: string;
  @ApiProperty({ format: 'date-time', description: 'UTC instant' }) deadline!: string;
}

export class CreatedPeriodView extends PeriodFields {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() position!: number;
}

export class PeriodView extends PeriodFields {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Europe/Brussels', description: 'The zone the deadline was given in' })
  timezone!: string;
  @ApiProperty({ description: 'Stream version; send it as If-Match to move the deadline' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AssignmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ type: String, example: '2024-Q1', nullable: true }) periodCode!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) deadline!: string | null;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: AssignmentStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SubmissionWriteView extends WriteResultView {
  @ApiProperty({ enum: ['submitted', 'validated', 'returned'] }) status!: string;
}

export class CreatedSubmissionView extends SubmissionWriteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ObservationView {
  @ApiProperty({ example: 'sex:F', description: "Series key; '' is the total" }) key!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  disaggregation!: Record<string, string>;
  @ApiProperty() value!: number;
  @ApiProperty({ enum: ['normal', 'estimated', 'provisional', 'break', 'missing'] }) status!: string;
  @ApiPropertyOptional({ description: 'Flagged as implausible against the series; accepted' })
  outlier?: { reason: string };
}

export class SubmissionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ enum: ['submitted', 'validated', 'returned'] }) status!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty({ type: [ObservationView] }) observations!: ObservationView[];
  @ApiProperty({ description: 'The indicator definition version the values were submitted under' })
  definitionVersion!: number;
  @ApiProperty() series!: number;
  @ApiProperty({ nullable: true }) source!: string | null;
  @ApiProperty({ nullable: true, description: '"[erased]" once the submitter was erased' }) note!:
    string | null;
  @ApiProperty({ nullable: true, description: '"[erased]" once its author was erased' })
  returnReason!: string | null;
  @ApiProperty({ description: 'Stream version; send it as If-Match to validate' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SeriesPointView {
  @ApiProperty({ example: '2024' }) period!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ enum: ['submitted', 'validated', 'returned'] }) status!: string;
  @ApiProperty({ enum: ['normal', 'estimated', 'provisional', 'break', 'missing'] })
  observationStatus!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty({
    description: 'Values of different series (after a unit or methodology change) do not compare',
  })
  series!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  disaggregation!: Record<string, string>;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiPropertyOptional() outlier?: { reason: string };
}

export class CompletenessCounts {
  @ApiProperty() assigned!: number;
  @ApiProperty({ description: 'Submitted (including validated and returned)' }) submitted!: number;
  @ApiProperty() validated!: number;
  @ApiProperty() returned!: number;
  @ApiProperty({
    description: 'Assigned, not submitted, and the deadline has passed (computed at read time)',
  })
  overdue!: number;
}

export class CompletenessPeriodView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2024' }) code!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
}

export class OrganisationMandatesView {
  @ApiProperty({ description: 'Active members of the organisation holding a valid mandate today' })
  validHolders!: number;
  @ApiProperty({
    description:
      'Active collectors of the organisation without a valid mandate today (they can still submit)',
  })
  collectorsWithoutMandate!: number;
}

export class OrganisationCompletenessView extends CompletenessCounts {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: OrganisationMandatesView }) mandate!: OrganisationMandatesView;
}

export class CompletenessView {
  @ApiProperty({ type: CompletenessPeriodView }) period!: CompletenessPeriodView;
  @ApiProperty({ type: CompletenessCounts }) totals!: CompletenessCounts;
  @ApiProperty({ type: [OrganisationCompletenessView] }) organisations!: OrganisationCompletenessView[];
}

export class CitySettingsView extends WriteResultView {
  @ApiProperty({ description: 'Whoever submitted or last corrected a submission cannot validate it' })
  fourEyes!: boolean;
}
