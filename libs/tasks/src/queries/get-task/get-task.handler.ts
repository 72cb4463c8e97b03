import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregate } from '@rl/event-store';
import { ProjectionWaiter } from '@rl/projections';
import { taskDecider } from '../../domain/task.decider';
import { TaskErrors } from '../../domain/task.errors';
import { TasksReadModel } from '../../persistence/tasks.repository';
import { TASKS_PROJECTION } from '../../projections/tasks.projection';
import { TaskView } from '../../task.view';
import { pastTaskView, toTaskView } from '../task-views';
import { GetTaskQuery } from './get-task.query';

@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery, TaskView> {
  constructor(
    private readonly tasks: TasksReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, taskId, options }: GetTaskQuery): Promise<TaskView> {
    if (options.asOf) {
      // As it was then: computed from its events up to that instant, not from the read model.
      const past = aggregate(taskDecider, await this.tasks.stream(cityId, taskId, options.asOf));
      if (!past.state.exists || !past.createdAt || !past.updatedAt) throw TaskErrors.NOT_FOUND();
      return pastTaskView(past.state, {
        version: past.version,
        createdAt: past.createdAt,
        updatedAt: past.updatedAt,
      });
    }
    await this.waiter.waitFor(cityId, TASKS_PROJECTION, options.minPosition);
    const row = await this.tasks.byId(cityId, taskId);
    if (!row) throw TaskErrors.NOT_FOUND();
    return toTaskView(row);
  }
}
