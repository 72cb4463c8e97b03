export {
  DecisionTaskSpec,
  MEETING_EVENT_TYPES,
  MEETING_KINDS,
  MeetingEvent,
  meetingStream,
} from './domain/meeting.events';
export { DecisionTasks } from './persistence/decision-tasks';
export { MEETINGS_ENTITIES, MeetingRecord } from './persistence/meeting.entity';
export { MEETINGS_PROJECTION, MeetingsProjection } from './projections/meetings.projection';
export { MeetingTimelineSource } from './meeting-timeline.source';
export { MeetingsModule } from './meetings.module';
export { ScheduleMeetingCommand } from './commands/schedule-meeting/schedule-meeting.command';
export { RecordAttendanceCommand } from './commands/record-attendance/record-attendance.command';
export { RecordMinutesCommand } from './commands/record-minutes/record-minutes.command';
export { RecordDecisionCommand } from './commands/record-decision/record-decision.command';
