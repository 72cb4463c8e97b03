import { AssignmentRecord } from './projections/assignment.entity';
import { PeriodRecord } from './projections/period.entity';
import { AssignmentKeyReservation, PeriodCodeReservation } from './projections/reservations.entity';

export { AssignmentEvent, assignmentStream } from './domain/assignment.events';
export { parseDeadline } from './domain/deadline';
export { parsePeriodCode, PeriodCode, PeriodGranularity } from './domain/period-code';
export { PeriodEvent, periodStream } from './domain/period.events';
export { ASSIGNMENTS_PROJECTION, AssignmentsProjection } from './projections/assignments.projection';
export { PERIODS_PROJECTION, PeriodsProjection } from './projections/periods.projection';
export { ReportingModule } from './reporting.module';
export { AssignmentKeyReservation, AssignmentRecord, PeriodCodeReservation, PeriodRecord };

export const REPORTING_ENTITIES = [
  PeriodRecord,
  AssignmentRecord,
  PeriodCodeReservation,
  AssignmentKeyReservation,
];
export { CreateAssignmentCommand } from './commands/create-assignment/create-assignment.command';
export { DefinePeriodCommand } from './commands/define-period/define-period.command';
