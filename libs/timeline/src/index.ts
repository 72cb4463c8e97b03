export {
  TIMELINE_KINDS,
  TimelineEntry,
  TimelineKind,
  TimelineSource,
  TimelineSourceDefinition,
  TimelineWindow,
} from './timeline-source';
export { SqlCondition, timelineWindowSql } from './timeline-window.sql';
export { TimelineFilter, TimelineReader } from './timeline.reader';
export { TimelineModule } from './timeline.module';
