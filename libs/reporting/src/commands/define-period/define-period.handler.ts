import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { AppendResult, EventStore, EventTransaction, NewEvent } from '@rl/event-store';
import { CityId, DomainError } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { parseDeadline } from '../../domain/deadline';
import { parsePeriodCode } from '../../domain/period-code';
import { decidePeriod, initialPeriodState } from '../../domain/period.decider';
import { PeriodEvent, periodStream } from '../../domain/period.events';
import { PeriodHistory } from '../../reporting-history';
import { CreatedPeriodView } from '../../reporting.view';
import { DefinePeriodCommand } from './define-period.command';

const codeTaken = (code: string) =>
  new DomainError('conflict', 'PERIOD.CODE_TAKEN', `This city already has a period ${code}`, [
    { field: 'code', message: `${code} is already defined in this city` },
  ]);

// The transactional half of defining a period, shared with imports: reserve the code, append.
export async function appendPeriod(
  tx: EventTransaction,
  cityId: CityId,
  code: string,
  periodId: string,
  events: NewEvent[],
  metadata: CommandMetadata,
): Promise<AppendResult> {
  const reserved = await tx.em.query<unknown[]>(
    `INSERT INTO period_codes (tenant_id, code, period_id) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, code) DO NOTHING RETURNING period_id`,
    [cityId, code, periodId],
  );
  if (reserved.length === 0) throw codeTaken(code);
  return tx.append(periodStream(periodId), 0, events, metadata);
}

@CommandHandler(DefinePeriodCommand)
export class DefinePeriodHandler implements ICommandHandler<DefinePeriodCommand, CreatedPeriodView> {
  constructor(
    private readonly events: EventStore,
    private readonly history: PeriodHistory,
  ) {}

  async execute({ cityId, timezone, input, metadata }: DefinePeriodCommand): Promise<CreatedPeriodView> {
    const period = parsePeriodCode(input.code);
    const deadline = parseDeadline(input.deadline, timezone);
    const periodId = uuidv7();
    const [defined] = decidePeriod(
      { type: 'DefinePeriod', periodId, period, deadline, timezone },
      initialPeriodState,
    );
    const result = await this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, async (tx) => {
        // The code's reservation and the period's first event commit together; a concurrent define of
        // the same code waits on the key and then finds it taken.
        return appendPeriod(tx, cityId, period.code, periodId, [defined], metadata);
      }),
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first period.
    const id = result.streamId.replace(/^period-/, '');
    const state =
      id === periodId
        ? { ...(defined as Extract<PeriodEvent, { type: 'PeriodDefined' }>).data }
        : (await this.history.load(cityId, id)).state;
    if (!('code' in state)) throw new Error(`Period stream ${result.streamId} is empty`);
    return {
      id,
      code: state.code,
      granularity: state.granularity,
      start: state.start,
      end: state.end,
      deadline: state.deadline,
      version: result.version,
      position: result.position,
    };
  }
}
