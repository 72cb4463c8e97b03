import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { TasksReadModel } from '../../persistence/tasks.repository';
import { TASKS_PROJECTION } from '../../projections/tasks.projection';
import { TaskView } from '../../task.view';
import { toTaskView } from '../task-views';
import { ListTasksQuery } from './list-tasks.query';

@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery, Page<TaskView>> {
  constructor(
    private readonly tasks: TasksReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page, minPosition }: ListTasksQuery): Promise<Page<TaskView>> {
    const after = cursorOf(page, ['instant', 'uuid']);
    await this.waiter.waitFor(cityId, TASKS_PROJECTION, minPosition);
    const rows = await this.tasks.page(cityId, filter, after, page.limit + 1);
    return pageOf(
      rows,
      page.limit,
      (row) => [row.dueKey, row.id],
      ({ dueKey: _, ...row }) => toTaskView(row),
    );
  }
}
