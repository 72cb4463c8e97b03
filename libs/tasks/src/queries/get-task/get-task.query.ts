import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { TaskView } from '../../task.view';

export class GetTaskQuery extends Query<TaskView> {
  constructor(
    readonly cityId: CityId,
    readonly taskId: string,
    readonly options: { asOf?: Date; minPosition?: number },
  ) {
    super();
  }
}
