import { Injectable } from '@nestjs/common';
import {
  aggregate,
  Aggregate,
  AppendResult,
  EventMetadata,
  EventStore,
  EventStoreAggregates,
  EventTransaction,
  HandleOptions,
} from '@rl/event-store';
import { CityId, Decider, DomainEvent } from '@rl/kernel';

// One city transaction of the budget context: the appends (last) and the keys that commit with them.
export interface BudgetTx {
  handle<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    options: HandleOptions,
  ): Promise<AppendResult>;
  load<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, streamId: string): Promise<Aggregate<S>>;
  // The given streams the city's log does not hold (a reference to another aggregate holds if it does).
  missing(streamIds: readonly string[]): Promise<string[]>;
  // Commands on one budget line run one at a time: the money left is decided on the line's last state.
  lockLine(lineId: string): Promise<void>;
  // false: the city already has a line with this code in this year.
  reserveCode(year: number, code: string, lineId: string): Promise<boolean>;
  setPublished(lineId: string, isPublic: boolean): Promise<void>;
}

// The port through which budget commands write (PostgreSQL here, in memory in testing/).
export abstract class BudgetLedger {
  // `work` in one city transaction, once per idempotency key: a retry answers with the first result.
  abstract write(
    cityId: CityId,
    metadata: EventMetadata,
    work: (tx: BudgetTx) => Promise<AppendResult>,
  ): Promise<AppendResult>;
}

// Codes are unique whatever their case or surrounding white space.
export const codeKey = (code: string) => code.trim().toUpperCase();

class PgBudgetTx implements BudgetTx {
  constructor(
    private readonly tx: EventTransaction,
    private readonly events: EventStore,
    private readonly aggregates: EventStoreAggregates,
  ) {}

  handle<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    options: HandleOptions,
  ) {
    return this.aggregates.handleIn(this.tx, decider, streamId, command, options);
  }

  async load<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    streamId: string,
  ): Promise<Aggregate<S>> {
    return aggregate(decider, await this.events.readStream(this.tx.cityId, streamId, {}, this.tx.em));
  }

  async missing(streamIds: readonly string[]): Promise<string[]> {
    if (streamIds.length === 0) return [];
    const rows = await this.tx.em.query<{ stream_id: string }[]>(
      `SELECT DISTINCT stream_id FROM events WHERE tenant_id = $1 AND stream_id = ANY($2)`,
      [this.tx.cityId, streamIds],
    );
    const known = new Set(rows.map((r) => r.stream_id));
    return streamIds.filter((id) => !known.has(id));
  }

  async lockLine(lineId: string): Promise<void> {
    await this.tx.em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `budget-line:${lineId}`,
    ]);
  }

  async reserveCode(year: number, code: string, lineId: string): Promise<boolean> {
    const rows = await this.tx.em.query<unknown[]>(
      `INSERT INTO budget_line_codes (tenant_id, year, code, line_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, year, code) DO NOTHING RETURNING line_id`,
      [this.tx.cityId, year, codeKey(code), lineId],
    );
    return rows.length > 0;
  }

  async setPublished(lineId: string, isPublic: boolean): Promise<void> {
    await this.tx.em.query(
      `INSERT INTO budget_publication (tenant_id, line_id, public) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, line_id) DO UPDATE SET public = EXCLUDED.public`,
      [this.tx.cityId, lineId, isPublic],
    );
  }
}

@Injectable()
export class PgBudgetLedger extends BudgetLedger {
  constructor(
    private readonly events: EventStore,
    private readonly aggregates: EventStoreAggregates,
  ) {
    super();
  }

  write(cityId: CityId, metadata: EventMetadata, work: (tx: BudgetTx) => Promise<AppendResult>) {
    return this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, (tx) => work(new PgBudgetTx(tx, this.events, this.aggregates))),
    );
  }
}
