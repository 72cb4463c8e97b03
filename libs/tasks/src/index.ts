import { TaskRecord } from './persistence/task.entity';

export {
  TASK_EVENT_TYPES,
  TASK_LINK_KINDS,
  TASK_STATUSES,
  TaskEvent,
  TaskLink,
  TaskStatus,
  taskStream,
} from './domain/task.events';
export { taskDecider, TaskState } from './domain/task.decider';
export { TASK_LIMITS } from './domain/task-limits';
export { TASKS_PROJECTION, TasksProjection } from './projections/tasks.projection';
export { TaskDueTimelineSource } from './timeline/task-due.timeline-source';
export { TasksModule } from './tasks.module';
export { TaskRecord };
export { CreateTaskCommand } from './commands/create-task/create-task.command';
export { CreateTaskDto, TaskLinkDto } from './commands/create-task/create-task.dto';
export { UpdateTaskCommand } from './commands/update-task/update-task.command';

export const TASKS_ENTITIES = [TaskRecord];
