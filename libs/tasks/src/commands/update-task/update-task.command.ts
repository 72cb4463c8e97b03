import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { UpdateTaskDto } from './update-task.dto';

export class UpdateTaskCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly timezone: string,
    readonly taskId: string,
    readonly expectedVersion: number,
    readonly changes: UpdateTaskDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
