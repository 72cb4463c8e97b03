import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CheckpointSigner } from '../../checkpoints/checkpoint-signer';
import { CheckpointView } from '../../checkpoints/checkpoint.view';
import { SignCheckpointCommand } from './sign-checkpoint.command';

@CommandHandler(SignCheckpointCommand)
export class SignCheckpointHandler implements ICommandHandler<SignCheckpointCommand, CheckpointView> {
  constructor(private readonly signer: CheckpointSigner) {}

  execute({ cityId }: SignCheckpointCommand): Promise<CheckpointView> {
    return this.signer.signNow(cityId);
  }
}
