import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { TaskFilter } from '../../persistence/tasks.repository';
import { TaskView } from '../../task.view';

export class ListTasksQuery extends Query<Page<TaskView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: TaskFilter,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
