import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedTaskView } from '../../task.view';
import { CreateTaskDto } from './create-task.dto';

// Also sent by other contexts (a meeting's decision creates its tasks): `timezone` is the city's, for a
// date-only `due`.
export class CreateTaskCommand extends Command<CreatedTaskView> {
  constructor(
    readonly cityId: CityId,
    readonly timezone: string,
    readonly input: CreateTaskDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
