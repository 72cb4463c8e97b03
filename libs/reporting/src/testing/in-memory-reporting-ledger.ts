import { AppendResult, EventMetadata, HandleOptions } from '@rl/event-store';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { CityId, Decider, DomainEvent } from '@rl/kernel';
import { AssignmentKey } from '../domain/assignment.events';
import { ReportingLedger, ReportingTx, SubmissionSlot } from '../persistence/reporting-ledger';
import { InMemoryImportsStore } from './in-memory-imports-store';

const slotKey = ({ indicatorId, periodId, organisationId }: SubmissionSlot) =>
  `${indicatorId}/${periodId}/${organisationId}`;

// The reporting ledger in memory, for handler unit tests: the aggregates, the read-side keys (by city)
// and the imports table, idempotency keys honoured. A refused command's writes are not rolled back (a
// test ends there).
export class InMemoryReportingLedger extends ReportingLedger {
  readonly aggregates = new InMemoryAggregates();
  readonly periodCodes = new Map<string, string>();
  // Active assignments' triples → assignment id, as assignment_keys holds them.
  readonly assignments = new Map<string, string>();
  readonly openSubmissions = new Map<string, string>();
  readonly imports = new InMemoryImportsStore();
  private readonly byKey = new Map<string, AppendResult>();

  transact<T>(cityId: CityId, work: (tx: ReportingTx) => Promise<T>): Promise<T> {
    return work(this.tx(cityId));
  }

  async idempotent(cityId: CityId, metadata: EventMetadata, run: () => Promise<AppendResult>) {
    const key = metadata.idempotencyKey === undefined ? undefined : `${cityId}:${metadata.idempotencyKey}`;
    const earlier = key === undefined ? undefined : this.byKey.get(key);
    if (earlier) return earlier;
    const result = await run();
    if (key !== undefined) this.byKey.set(key, result);
    return result;
  }

  // An active assignment, as an earlier assign would have left it.
  assign(cityId: CityId, key: AssignmentKey): this {
    this.assignments.set(`${cityId}:${slotKey(key)}`, key.assignmentId);
    return this;
  }

  // An organisation's open submission in a slot, as an earlier submit would have left it.
  open(cityId: CityId, slot: SubmissionSlot, submissionId: string): this {
    this.openSubmissions.set(`${cityId}:${slotKey(slot)}`, submissionId);
    return this;
  }

  private tx(cityId: CityId): ReportingTx {
    const at = (key: string) => `${cityId}:${key}`;
    return {
      handle: <S, C, E extends DomainEvent>(
        decider: Decider<S, C, E>,
        streamId: string,
        command: C,
        // The ledger answers retries; several appends of one transaction share the command's key.
        { metadata: { idempotencyKey: _key, ...metadata }, ...options }: HandleOptions,
      ) => this.aggregates.handle(cityId, decider, streamId, command, { ...options, metadata }),
      streamExists: (streamId) => Promise.resolve(this.aggregates.eventsOf(cityId, streamId).length > 0),
      reservePeriodCode: (code, periodId) => this.reserve(this.periodCodes, at(code), periodId),
      reserveAssignment: (key) => this.reserve(this.assignments, at(slotKey(key)), key.assignmentId),
      freeAssignment: (assignmentId) => this.free(this.assignments, assignmentId),
      isAssigned: (slot) => Promise.resolve(this.assignments.has(at(slotKey(slot)))),
      reserveOpenSubmission: (slot, submissionId) =>
        this.reserve(this.openSubmissions, at(slotKey(slot)), submissionId),
      openSubmission: (slot) => Promise.resolve(this.openSubmissions.get(at(slotKey(slot)))),
      closeOpenSubmission: (submissionId) => this.free(this.openSubmissions, submissionId),
      finishImport: (claim, outcome) => this.imports.finish(cityId, claim, outcome),
    };
  }

  private reserve(keys: Map<string, string>, key: string, value: string): Promise<boolean> {
    if (keys.has(key)) return Promise.resolve(false);
    keys.set(key, value);
    return Promise.resolve(true);
  }

  private free(keys: Map<string, string>, value: string): Promise<void> {
    for (const [key, held] of keys) if (held === value) keys.delete(key);
    return Promise.resolve();
  }
}
