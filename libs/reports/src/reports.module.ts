import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishReportHandler } from './commands/publish-report/publish-report.handler';
import { RequestReportHandler } from './commands/request-report/request-report.handler';
import { GenerateReportJob } from './generation/generate-report.job';
import { PinnedReplay } from './generation/pinned-replay';
import { ReportGenerator } from './generation/report-generator';
import { ReportJobs } from './generation/report-jobs';
import { ReportSources } from './generation/report-sources';
import { ReportWakeups } from './generation/report-wakeups';
import { REPORTS_ENTITIES } from './persistence/reports.entities';
import { ReportsRepository } from './persistence/reports.repository';
import { ReportsProjection } from './projections/reports.projection';
import { PublicReportsController } from './public-reports.controller';
import { ReportsReader } from './queries/reports-reader';
import { ReportsController } from './reports.controller';

@Module({
  imports: [TypeOrmModule.forFeature(REPORTS_ENTITIES)],
  controllers: [ReportsController, PublicReportsController],
  providers: [
    ReportJobs,
    { provide: ReportWakeups, useExisting: ReportJobs },
    ReportsRepository,
    ReportsReader,
    ReportsProjection,
    PinnedReplay,
    ReportSources,
    ReportGenerator,
    GenerateReportJob,
    RequestReportHandler,
    PublishReportHandler,
  ],
  // The public city pages list the published reports.
  exports: [ReportsReader],
})
export class ReportsModule {}
