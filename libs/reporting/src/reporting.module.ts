import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsController } from './assignments.controller';
import { CreateAssignmentHandler } from './commands/create-assignment/create-assignment.handler';
import { DefinePeriodHandler } from './commands/define-period/define-period.handler';
import { MovePeriodDeadlineHandler } from './commands/move-period-deadline/move-period-deadline.handler';
import { WithdrawAssignmentHandler } from './commands/withdraw-assignment/withdraw-assignment.handler';
import { PeriodsController } from './periods.controller';
import { AssignmentRecord } from './projections/assignment.entity';
import { AssignmentsProjection } from './projections/assignments.projection';
import { PeriodRecord } from './projections/period.entity';
import { PeriodsProjection } from './projections/periods.projection';
import { AssignmentKeyReservation, PeriodCodeReservation } from './projections/reservations.entity';
import { GetPeriodHandler } from './queries/get-period/get-period.handler';
import { ListAssignmentsHandler } from './queries/list-assignments/list-assignments.handler';
import { ListPeriodsHandler } from './queries/list-periods/list-periods.handler';
import { AssignmentHistory, PeriodHistory } from './reporting-history';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      PeriodRecord,
      AssignmentRecord,
      PeriodCodeReservation,
      AssignmentKeyReservation,
    ]),
  ],
  controllers: [PeriodsController, AssignmentsController],
  providers: [
    PeriodHistory,
    AssignmentHistory,
    PeriodsProjection,
    AssignmentsProjection,
    DefinePeriodHandler,
    MovePeriodDeadlineHandler,
    CreateAssignmentHandler,
    WithdrawAssignmentHandler,
    ListPeriodsHandler,
    GetPeriodHandler,
    ListAssignmentsHandler,
  ],
})
export class ReportingModule {}
