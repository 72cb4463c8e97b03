import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecordAttendanceHandler } from './commands/record-attendance/record-attendance.handler';
import { RecordDecisionHandler } from './commands/record-decision/record-decision.handler';
import { RecordMinutesHandler } from './commands/record-minutes/record-minutes.handler';
import { ReviseMeetingHandler } from './commands/revise-meeting/revise-meeting.handler';
import { ScheduleMeetingHandler } from './commands/schedule-meeting/schedule-meeting.handler';
import { MeetingTimelineSource } from './meeting-timeline.source';
import { MeetingsController } from './meetings.controller';
import { DecisionTasks, TasksOfDecisions } from './persistence/decision-tasks';
import { MEETINGS_ENTITIES } from './persistence/meeting.entity';
import { MeetingReferences, PgMeetingReferences } from './persistence/meeting-references';
import { MeetingsReadModel, PgMeetingsReadModel } from './persistence/meetings.repository';
import { MeetingsProjection } from './projections/meetings.projection';
import { GetMeetingHandler } from './queries/get-meeting/get-meeting.handler';
import { ListMeetingsHandler } from './queries/list-meetings/list-meetings.handler';

@Module({
  imports: [TypeOrmModule.forFeature(MEETINGS_ENTITIES)],
  controllers: [MeetingsController],
  providers: [
    // The lead wires the tasks context here at merge.
    { provide: DecisionTasks, useClass: TasksOfDecisions },
    { provide: MeetingReferences, useClass: PgMeetingReferences },
    { provide: MeetingsReadModel, useClass: PgMeetingsReadModel },
    MeetingsProjection,
    MeetingTimelineSource,
    ScheduleMeetingHandler,
    ReviseMeetingHandler,
    RecordAttendanceHandler,
    RecordMinutesHandler,
    RecordDecisionHandler,
    ListMeetingsHandler,
    GetMeetingHandler,
  ],
})
export class MeetingsModule {}
