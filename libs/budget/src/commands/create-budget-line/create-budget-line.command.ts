import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedView } from '../../budget.views';
import { CreateBudgetLineDto } from './create-budget-line.dto';

export class CreateBudgetLineCommand extends Command<CreatedView> {
  constructor(
    readonly cityId: CityId,
    readonly input: CreateBudgetLineDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
