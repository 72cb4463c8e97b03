import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { parseDeadline } from '../../domain/deadline';
import { parsePeriodCode } from '../../domain/period-code';
import { periodDecider } from '../../domain/period.decider';
import { periodStream } from '../../domain/period.events';
import { ReportingLedger } from '../../persistence/reporting-ledger';
import { definePeriodIn } from '../../periods/period-writes';
import { CreatedPeriodView } from '../../reporting.view';
import { DefinePeriodCommand } from './define-period.command';

@CommandHandler(DefinePeriodCommand)
export class DefinePeriodHandler implements ICommandHandler<DefinePeriodCommand, CreatedPeriodView> {
  constructor(
    private readonly ledger: ReportingLedger,
    private readonly aggregates: Aggregates,
  ) {}

  async execute({ cityId, timezone, input, metadata }: DefinePeriodCommand): Promise<CreatedPeriodView> {
    const period = parsePeriodCode(input.code);
    const deadline = parseDeadline(input.deadline, timezone);
    const periodId = uuidv7();
    const result = await this.ledger.write(cityId, metadata, (tx) =>
      definePeriodIn(tx, { type: 'DefinePeriod', periodId, period, deadline, timezone }, metadata),
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first period.
    const id = result.streamId.replace(/^period-/, '');
    const state =
      id === periodId
        ? { ...period, deadline: deadline.toISOString() }
        : (await this.aggregates.load(cityId, periodDecider, periodStream(id))).state;
    if (!('code' in state)) throw new Error(`Period stream ${result.streamId} is empty`);
    const { code, granularity, start, end } = state;
    const { version, position } = result;
    return { id, code, granularity, start, end, deadline: state.deadline, version, position };
  }
}
