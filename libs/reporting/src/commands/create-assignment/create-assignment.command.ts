import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedAssignmentView } from '../../reporting.view';
import { CreateAssignmentDto } from './create-assignment.dto';

export class CreateAssignmentCommand extends Command<CreatedAssignmentView> {
  constructor(
    readonly cityId: CityId,
    readonly input: CreateAssignmentDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
