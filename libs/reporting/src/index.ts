import { AssignmentRecord } from './projections/assignment.entity';
import { PeriodRecord } from './projections/period.entity';
import {
  AssignmentKeyReservation,
  OpenSubmissionReservation,
  PeriodCodeReservation,
} from './projections/reservations.entity';
import { SeriesRecord, SubmissionRecord } from './projections/submission.entity';

export { AssignmentEvent, assignmentStream } from './domain/assignment.events';
export { parseCityInstant, parseDeadline } from './domain/deadline';
export { parsePeriodCode, PeriodCode, PeriodGranularity } from './domain/period-code';
export { PeriodEvent, periodStream } from './domain/period.events';
export { ASSIGNMENTS_PROJECTION, AssignmentsProjection } from './projections/assignments.projection';
export { PERIODS_PROJECTION, PeriodsProjection } from './projections/periods.projection';
export { ReportingModule } from './reporting.module';
export { ImportSweep } from './imports/import-sweep';
export { SubmissionEvent, submissionStream } from './domain/submission.events';
export { SERIES_PROJECTION, SeriesProjection } from './projections/series.projection';
export { SUBMISSIONS_PROJECTION, SubmissionsProjection } from './projections/submissions.projection';
export {
  AssignmentKeyReservation,
  AssignmentRecord,
  OpenSubmissionReservation,
  PeriodCodeReservation,
  PeriodRecord,
  SeriesRecord,
  SubmissionRecord,
};
export { REPORTING_ENTITIES } from './persistence/reporting.entities';
export { CreateAssignmentCommand } from './commands/create-assignment/create-assignment.command';
export { DefinePeriodCommand } from './commands/define-period/define-period.command';
export { MovePeriodDeadlineCommand } from './commands/move-period-deadline/move-period-deadline.command';
export { CorrectSubmissionCommand } from './commands/correct-submission/correct-submission.command';
export { ReturnSubmissionCommand } from './commands/return-submission/return-submission.command';
export { SubmitDataCommand } from './commands/submit-data/submit-data.command';
export { ValidateSubmissionCommand } from './commands/validate-submission/validate-submission.command';
export { ImportOpenSdgCommand } from './commands/import-open-sdg/import-open-sdg.command';
export { ImportQueuedView, ImportResultView } from './commands/import-open-sdg/import-open-sdg.dto';
export { ImportTemplateCommand } from './commands/import-open-sdg/import-template.command';
export { XlsxArchive } from './commands/import-open-sdg/xlsx-archive';
export { AssignmentErrors, TemplateErrors, ImportErrors } from './domain/reporting.errors';
export { unitKind, UnitKind, seriesKey } from './domain/observation-checks';
export { emptyReport } from './commands/import-open-sdg/import-parse';
