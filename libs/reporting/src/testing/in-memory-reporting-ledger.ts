import { AppendResult, EventMetadata, HandleOptions } from '@rl/event-store';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { CityId, Decider, DomainEvent } from '@rl/kernel';
import { AssignmentKey } from '../domain/assignment.events';
import { ReportingLedger, ReportingTx, SubmissionSlot } from '../persistence/reporting-ledger';
import { InMemoryImportsStore } from './in-memory-imports-store';

const slotKey = ({ indicatorId, periodId, organisationId }: SubmissionSlot) =>
  `${indicatorId}/${periodId}/${organisationId}`;

// The reporting ledger in memory, for handler unit tests: the aggregates and the read-side keys of every
// city and its imports table, idempotency keys honoured. A refused command's writes are not rolled back (a test ends there).
export class InMemoryReportingLedger extends ReportingLedger {
  readonly aggregates = new InMemoryAggregates();
  readonly periodCodes = new Map<string, string>();
  readonly assignments = new Map<string, AssignmentKey>();
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

  // Puts an organisation's open submission in a slot, as an earlier submit would have.
  open(cityId: CityId, slot: SubmissionSlot, submissionId: string): this {
    this.openSubmissions.set(`${cityId}:${slotKey(slot)}`, submissionId);
    return this;
  }

  private tx(cityId: CityId): ReportingTx {
    const at = (key: string) => `${cityId}:${key}`;
    const assigned = (slot: SubmissionSlot) =>
      [...this.assignments.entries()].some(
        ([key, a]) => key.startsWith(`${cityId}:`) && slotKey(a) === slotKey(slot),
      );
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
      reserveAssignment: (key) =>
        Promise.resolve(!assigned(key) && !!this.assignments.set(at(key.assignmentId), key)),
      freeAssignment: (assignmentId) => {
        this.assignments.delete(at(assignmentId));
        return Promise.resolve();
      },
      isAssigned: (slot) => Promise.resolve(assigned(slot)),
      reserveOpenSubmission: (slot, submissionId) =>
        this.reserve(this.openSubmissions, at(slotKey(slot)), submissionId),
      openSubmission: (slot) => Promise.resolve(this.openSubmissions.get(at(slotKey(slot)))),
      closeOpenSubmission: (submissionId) => {
        for (const [key, id] of this.openSubmissions)
          if (id === submissionId) this.openSubmissions.delete(key);
        return Promise.resolve();
      },
      finishImport: (claim, outcome) => this.imports.finish(cityId, claim, outcome),
    };
  }

  private reserve(keys: Map<string, string>, key: string, value: string): Promise<boolean> {
    if (keys.has(key)) return Promise.resolve(false);
    keys.set(key, value);
    return Promise.resolve(true);
  }
}
