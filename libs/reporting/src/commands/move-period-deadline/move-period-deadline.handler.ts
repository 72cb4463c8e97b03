import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { parseDeadline } from '../../domain/deadline';
import { periodDecider } from '../../domain/period.decider';
import { periodStream } from '../../domain/period.events';
import { MovePeriodDeadlineCommand } from './move-period-deadline.command';

@CommandHandler(MovePeriodDeadlineCommand)
export class MovePeriodDeadlineHandler implements ICommandHandler<
  MovePeriodDeadlineCommand,
  WriteResultView
> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({
    cityId,
    timezone,
    periodId,
    expectedVersion,
    input,
    metadata,
  }: MovePeriodDeadlineCommand): Promise<WriteResultView> {
    const deadline = parseDeadline(input.deadline, timezone);
    const { version, position } = await this.aggregates.handle(
      cityId,
      periodDecider,
      periodStream(periodId),
      { type: 'MovePeriodDeadline', deadline, timezone },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
