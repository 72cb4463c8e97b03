import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CheckpointView } from '../../checkpoints/checkpoint.view';

export class SignCheckpointCommand extends Command<CheckpointView> {
  constructor(readonly cityId: CityId) {
    super();
  }
}
