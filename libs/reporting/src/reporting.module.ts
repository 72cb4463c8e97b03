import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventSchemas } from '@rl/event-store';
import { IndicatorsModule } from '@rl/indicators';
import { MandatesModule } from '@rl/mandates';
import { AssignmentsController } from './assignments.controller';
import { CitySettingsController } from './city-settings.controller';
import { ChangeCitySettingsHandler } from './commands/change-city-settings/change-city-settings.handler';
import { CreateAssignmentHandler } from './commands/create-assignment/create-assignment.handler';
import { DefinePeriodHandler } from './commands/define-period/define-period.handler';
import { MovePeriodDeadlineHandler } from './commands/move-period-deadline/move-period-deadline.handler';
import { WithdrawAssignmentHandler } from './commands/withdraw-assignment/withdraw-assignment.handler';
import { PeriodsController } from './periods.controller';
import { PeriodDeadlinesTimeline } from './periods/period-deadlines.timeline';
import { ImportsController } from './imports.controller';
import { ImportOpenSdgHandler } from './commands/import-open-sdg/import-open-sdg.handler';
import { ImportRunner } from './commands/import-open-sdg/import-runner';
import { RunImportJob } from './commands/import-open-sdg/run-import.job';
import { ImportSweep, ImportWakeups } from './imports/import-sweep';
import { ImportsStore, PgImportsStore } from './imports/imports.store';
import { AssignmentsProjection } from './projections/assignments.projection';
import { CompletenessProjection } from './projections/completeness.projection';
import { PeriodCompletenessHandler } from './queries/period-completeness/period-completeness.handler';
import { PeriodsProjection } from './projections/periods.projection';
import { SeriesProjection } from './projections/series.projection';
import { SubmissionsProjection } from './projections/submissions.projection';
import { CorrectSubmissionHandler } from './commands/correct-submission/correct-submission.handler';
import { ReturnSubmissionHandler } from './commands/return-submission/return-submission.handler';
import { SubmitDataHandler } from './commands/submit-data/submit-data.handler';
import { ValidateSubmissionHandler } from './commands/validate-submission/validate-submission.handler';
import { GetSubmissionHandler } from './queries/get-submission/get-submission.handler';
import { IndicatorSeriesHandler } from './queries/indicator-series/indicator-series.handler';
import { ListSubmissionsHandler } from './queries/list-submissions/list-submissions.handler';
import { SubmissionChecks } from './submissions/submission-writes';
import { SUBMISSION_PERSONAL_DATA } from './submission-personal-data';
import { SeriesController, SubmissionsController } from './submissions.controller';
import { GetPeriodHandler } from './queries/get-period/get-period.handler';
import { ListAssignmentsHandler } from './queries/list-assignments/list-assignments.handler';
import { ListPeriodsHandler } from './queries/list-periods/list-periods.handler';
import { PgReportingLedger } from './persistence/pg-reporting-ledger';
import { ReportingLedger } from './persistence/reporting-ledger';
import { PgSubmissionReferences, SubmissionReferences } from './persistence/submission-references.repository';
import { PeriodsReadModel, PgPeriodsReadModel } from './persistence/periods.repository';
import { REPORTING_ENTITIES } from './persistence/reporting.entities';
import { PgSubmissionsReadModel, SubmissionsReadModel } from './persistence/submissions.repository';

@Module({
  imports: [TypeOrmModule.forFeature(REPORTING_ENTITIES), IndicatorsModule, MandatesModule],
  controllers: [
    PeriodsController,
    AssignmentsController,
    SubmissionsController,
    SeriesController,
    ImportsController,
    CitySettingsController,
  ],
  providers: [
    { provide: ReportingLedger, useClass: PgReportingLedger },
    { provide: SubmissionReferences, useClass: PgSubmissionReferences },
    { provide: PeriodsReadModel, useClass: PgPeriodsReadModel },
    { provide: SubmissionsReadModel, useClass: PgSubmissionsReadModel },
    SubmissionChecks,
    ChangeCitySettingsHandler,
    PeriodsProjection,
    PeriodDeadlinesTimeline,
    AssignmentsProjection,
    DefinePeriodHandler,
    MovePeriodDeadlineHandler,
    CreateAssignmentHandler,
    WithdrawAssignmentHandler,
    ListPeriodsHandler,
    GetPeriodHandler,
    ListAssignmentsHandler,
    SubmissionsProjection,
    SeriesProjection,
    SubmitDataHandler,
    ValidateSubmissionHandler,
    ReturnSubmissionHandler,
    CorrectSubmissionHandler,
    ListSubmissionsHandler,
    GetSubmissionHandler,
    IndicatorSeriesHandler,
    ImportOpenSdgHandler,
    { provide: ImportsStore, useClass: PgImportsStore },
    ImportRunner,
    RunImportJob,
    ImportSweep,
    { provide: ImportWakeups, useExisting: ImportSweep },
    CompletenessProjection,
    PeriodCompletenessHandler,
  ],
  exports: [ImportSweep],
})
export class ReportingModule {
  constructor(schemas: EventSchemas) {
    schemas.declarePersonal(SUBMISSION_PERSONAL_DATA);
  }
}
