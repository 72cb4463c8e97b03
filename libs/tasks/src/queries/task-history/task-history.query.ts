import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { TaskChangeView } from '../../task.view';

export class TaskHistoryQuery extends Query<TaskChangeView[]> {
  constructor(
    readonly cityId: CityId,
    readonly taskId: string,
  ) {
    super();
  }
}
