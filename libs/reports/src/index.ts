export { ReportsModule } from './reports.module';
export { REPORTS_ENTITIES } from './persistence/reports.entities';
export { REPORTS_PROJECTION, ReportsProjection } from './projections/reports.projection';
export { ReportGenerator } from './generation/report-generator';
export { ReportEvent, reportStream, SECTIONS } from './domain/report.events';
export { contentHashOf } from './domain/report-content';
export { RequestReportCommand } from './commands/request-report/request-report.command';
export { PublishReportCommand } from './commands/publish-report/publish-report.command';
export { ReportsReader } from './queries/reports-reader';
