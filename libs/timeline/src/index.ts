export {
  TIMELINE_KINDS,
  TimelineEntry,
  TimelineKind,
  TimelineSource,
  TimelineSourceDefinition,
  TimelineWindow,
} from './timeline-source';
export { SqlCondition, timelineWindowSql } from './timeline-window.sql';
