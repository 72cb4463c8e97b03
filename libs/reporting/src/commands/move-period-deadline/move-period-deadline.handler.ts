import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, streamConflict } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { parseDeadline } from '../../domain/deadline';
import { decidePeriod } from '../../domain/period.decider';
import { periodStream } from '../../domain/period.events';
import { PeriodHistory } from '../../reporting-history';
import { MovePeriodDeadlineCommand } from './move-period-deadline.command';

@CommandHandler(MovePeriodDeadlineCommand)
export class MovePeriodDeadlineHandler implements ICommandHandler<
  MovePeriodDeadlineCommand,
  WriteResultView
> {
  constructor(
    private readonly events: EventStore,
    private readonly history: PeriodHistory,
  ) {}

  async execute({
    cityId,
    timezone,
    periodId,
    expectedVersion,
    input,
    metadata,
  }: MovePeriodDeadlineCommand): Promise<WriteResultView> {
    const deadline = parseDeadline(input.deadline, timezone);
    const stream = periodStream(periodId);
    return this.events
      .idempotent(cityId, metadata, async () => {
        const current = await this.history.load(cityId, periodId);
        const events = decidePeriod({ type: 'MovePeriodDeadline', deadline, timezone }, current.state);
        if (expectedVersion !== current.version)
          throw streamConflict(stream, current.version, expectedVersion);
        if (events.length === 0)
          return { streamId: stream, version: current.version, position: current.position };
        // The store re-checks the version under the city's head lock, so a concurrent move still conflicts.
        return this.events.appendAlone(cityId, stream, expectedVersion, events, metadata);
      })
      .then(({ version, position }) => ({ version, position }));
  }
}
