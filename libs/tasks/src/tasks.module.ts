import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateTaskHandler } from './commands/create-task/create-task.handler';
import { UpdateTaskHandler } from './commands/update-task/update-task.handler';
import { TaskRecord } from './persistence/task.entity';
import { PgTaskReferences, TaskReferences } from './persistence/task-references.repository';
import { PgTasksReadModel, TasksReadModel } from './persistence/tasks.repository';
import { TasksProjection } from './projections/tasks.projection';
import { GetTaskHandler } from './queries/get-task/get-task.handler';
import { ListTasksHandler } from './queries/list-tasks/list-tasks.handler';
import { TaskHistoryHandler } from './queries/task-history/task-history.handler';
import { TasksController } from './tasks.controller';
import { TaskDueTimelineSource } from './timeline/task-due.timeline-source';

@Module({
  imports: [TypeOrmModule.forFeature([TaskRecord])],
  controllers: [TasksController],
  providers: [
    { provide: TasksReadModel, useClass: PgTasksReadModel },
    { provide: TaskReferences, useClass: PgTaskReferences },
    TasksProjection,
    TaskDueTimelineSource,
    CreateTaskHandler,
    UpdateTaskHandler,
    ListTasksHandler,
    GetTaskHandler,
    TaskHistoryHandler,
  ],
  exports: [TaskDueTimelineSource],
})
export class TasksModule {}
