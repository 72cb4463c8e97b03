import { Injectable } from '@nestjs/common';
import {
  AppendResult,
  EventMetadata,
  EventStore,
  EventStoreAggregates,
  EventTransaction,
  HandleOptions,
} from '@rl/event-store';
import { CityId, Decider, DomainEvent } from '@rl/kernel';
import { AssignmentKey } from '../domain/assignment.events';
import { finishImport, ImportOutcomeRow } from '../imports/imports.store';
import { ReportingLedger, ReportingTx, SubmissionSlot } from './reporting-ledger';

// Row-level security limits every statement of `tx.em` to the transaction's city; the tenant_id
// conditions also let the unique keys and indexes serve.
class PgReportingTx implements ReportingTx {
  constructor(
    private readonly tx: EventTransaction,
    private readonly aggregates: EventStoreAggregates,
  ) {}

  private get cityId(): CityId {
    return this.tx.cityId;
  }

  async handle<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    options: HandleOptions,
  ): Promise<AppendResult> {
    if (options.expected !== 0) return this.aggregates.handleIn(this.tx, decider, streamId, command, options);
    // A new stream (named by a fresh id) is not read first: the append at version 0 refuses one that exists.
    const events = decider.decide(command, decider.initialState());
    if (events.length === 0) return { streamId, version: 0, position: 0 };
    return this.tx.append(streamId, 0, events, options.metadata);
  }

  streamExists(streamId: string): Promise<boolean> {
    return this.any(`SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1`, [streamId]);
  }

  // A concurrent reservation of the same key waits on it and then finds it taken.
  reservePeriodCode(code: string, periodId: string): Promise<boolean> {
    return this.any(
      `INSERT INTO period_codes (tenant_id, code, period_id) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING period_id`,
      [this.cityId, code, periodId],
    );
  }

  reserveAssignment({ indicatorId, organisationId, periodId, assignmentId }: AssignmentKey) {
    return this.any(
      `INSERT INTO assignment_keys (tenant_id, indicator_id, organisation_id, period_id, assignment_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, indicator_id, organisation_id, period_id) DO NOTHING RETURNING assignment_id`,
      [this.cityId, indicatorId, organisationId, periodId, assignmentId],
    );
  }

  async freeAssignment(assignmentId: string): Promise<void> {
    await this.tx.em.query(`DELETE FROM assignment_keys WHERE tenant_id = $1 AND assignment_id = $2`, [
      this.cityId,
      assignmentId,
    ]);
  }

  isAssigned({ indicatorId, organisationId, periodId }: SubmissionSlot): Promise<boolean> {
    return this.any(
      `SELECT 1 FROM assignment_keys
        WHERE tenant_id = $1 AND indicator_id = $2 AND organisation_id = $3 AND period_id = $4`,
      [this.cityId, indicatorId, organisationId, periodId],
    );
  }

  reserveOpenSubmission(
    { indicatorId, periodId, organisationId }: SubmissionSlot,
    submissionId: string,
  ): Promise<boolean> {
    return this.any(
      `INSERT INTO open_submissions (tenant_id, indicator_id, period_id, organisation_id, submission_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, indicator_id, period_id, organisation_id) DO NOTHING RETURNING submission_id`,
      [this.cityId, indicatorId, periodId, organisationId, submissionId],
    );
  }

  async openSubmission({ indicatorId, periodId, organisationId }: SubmissionSlot) {
    const open = await this.tx.em.query<{ id: string }[]>(
      `SELECT submission_id AS id FROM open_submissions
        WHERE tenant_id = $1 AND indicator_id = $2 AND period_id = $3 AND organisation_id = $4`,
      [this.cityId, indicatorId, periodId, organisationId],
    );
    return open[0]?.id;
  }

  async closeOpenSubmission(submissionId: string): Promise<void> {
    await this.tx.em.query(`DELETE FROM open_submissions WHERE tenant_id = $1 AND submission_id = $2`, [
      this.cityId,
      submissionId,
    ]);
  }

  // Whether the statement answered a row (found, or inserted where ON CONFLICT DO NOTHING did not apply).
  private async any(sql: string, parameters: unknown[]): Promise<boolean> {
    return (await this.tx.em.query<unknown[]>(sql, parameters)).length > 0;
  }

  finishImport(claim: { id: string; attempts: number }, outcome: ImportOutcomeRow): Promise<boolean> {
    return finishImport(this.tx.em, this.cityId, claim, outcome);
  }
}

@Injectable()
export class PgReportingLedger extends ReportingLedger {
  constructor(
    private readonly events: EventStore,
    private readonly aggregates: EventStoreAggregates,
  ) {
    super();
  }

  transact<T>(cityId: CityId, work: (tx: ReportingTx) => Promise<T>): Promise<T> {
    return this.events.transact(cityId, (tx) => work(new PgReportingTx(tx, this.aggregates)));
  }

  idempotent(cityId: CityId, metadata: EventMetadata, run: () => Promise<AppendResult>) {
    return this.events.idempotent(cityId, metadata, run);
  }
}
