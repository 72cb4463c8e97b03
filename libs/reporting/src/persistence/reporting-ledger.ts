import { AppendResult, EventMetadata, HandleOptions } from '@rl/event-store';
import { CataloguedError, CityId, Decider, DomainEvent } from '@rl/kernel';
import { AssignmentKey } from '../domain/assignment.events';
import { ImportOutcomeRow } from '../imports/imports.store';

// Where a submission goes: one open submission per indicator, period and organisation.
export interface SubmissionSlot {
  indicatorId: string;
  periodId: string;
  organisationId: string;
}

// One city transaction of the reporting context: the appends and the read-side keys that must commit
// with them (period codes, assignment triples, open submissions, an import's own row). Appends should
// come last: the first takes the city's head lock, held until COMMIT.
export interface ReportingTx {
  handle<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    options: HandleOptions,
  ): Promise<AppendResult>;
  // A reference to another aggregate holds if its stream has events in this city.
  streamExists(streamId: string): Promise<boolean>;
  // false: the city already has a period with this code.
  reservePeriodCode(code: string, periodId: string): Promise<boolean>;
  // false: the triple is already assigned (the key holds exactly the active assignments).
  reserveAssignment(key: AssignmentKey): Promise<boolean>;
  freeAssignment(assignmentId: string): Promise<void>;
  isAssigned(slot: SubmissionSlot): Promise<boolean>;
  // false: the slot already has an open submission (see openSubmission).
  reserveOpenSubmission(slot: SubmissionSlot, submissionId: string): Promise<boolean>;
  openSubmission(slot: SubmissionSlot): Promise<string | undefined>;
  // Validated: the organisation may open a new submission in the slot.
  closeOpenSubmission(submissionId: string): Promise<void>;
  // Records an import's outcome with its events; false when its claim was lost to another worker.
  finishImport(claim: { id: string; attempts: number }, outcome: ImportOutcomeRow): Promise<boolean>;
}

// The port through which reporting commands write (PostgreSQL in pg-reporting-ledger.ts, in memory in
// testing/).
export abstract class ReportingLedger {
  // `work` in one city transaction.
  abstract transact<T>(cityId: CityId, work: (tx: ReportingTx) => Promise<T>): Promise<T>;

  // A command retried under the same idempotency key answers with its first result and runs nothing.
  abstract idempotent(
    cityId: CityId,
    metadata: EventMetadata,
    run: () => Promise<AppendResult>,
  ): Promise<AppendResult>;

  // The usual command: one transaction, once per idempotency key.
  write(
    cityId: CityId,
    metadata: EventMetadata,
    work: (tx: ReportingTx) => Promise<AppendResult>,
  ): Promise<AppendResult> {
    return this.idempotent(cityId, metadata, () => this.transact(cityId, work));
  }
}

// Refuses a reference to a stream the city does not have, naming the field.
export async function requireStream(
  tx: ReportingTx,
  streamId: string,
  error: CataloguedError,
  field: string,
  what: string,
): Promise<void> {
  if (await tx.streamExists(streamId)) return;
  throw error({
    message: `No such ${what} in this city`,
    errors: [{ field, message: `is not a ${what} of this city` }],
  });
}
