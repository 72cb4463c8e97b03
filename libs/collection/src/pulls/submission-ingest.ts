import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { DeclaredDimension, HIDDEN_FIELDS } from '@rl/forms';
import { canonicalJson, CityId, DomainError } from '@rl/kernel';
import { CorrectSubmissionCommand, SubmitDataCommand } from '@rl/reporting';
import { CommandMetadata } from '@rl/web';
import { ExternalSubmission, mapAnswers, MappedObservation } from './answers';
import { decideIngest } from '../domain/ingest-decision';
import { CollectionReferences } from '../persistence/collection-references';
import { CollectionStore, ConnectionRow } from '../persistence/collection.store';

export type IngestOutcome =
  { kind: 'created' | 'corrected' | 'ignored' } | { kind: 'rejected'; reason: string };

interface Slot {
  organisationId: string;
  periodId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

class Rejected extends Error {}

// The field errors of the reporting checks, named by question (`observations.2.value` is the third
// answered question) rather than by the API's field paths.
function reasonOf(error: DomainError, questions: string[]): string {
  const fields = error.errors.map(({ field, message }) => {
    const at = /^observations\.(\d+)/.exec(field);
    return `${at ? (questions[Number(at[1])] ?? field) : field} ${message}`;
  });
  return fields.length > 0 ? `${error.message}: ${fields.join('; ')}` : error.message;
}

// One external submission into the reporting commands, exactly once per (connection, logical id, edit):
// the record says what was done for the logical id, and the command's idempotency key is made of the
// three, so a run that dies between the command and the record repeats nothing when it is retried.
@Injectable()
export class SubmissionIngest {
  constructor(
    private readonly commands: CommandBus,
    private readonly store: CollectionStore,
    private readonly references: CollectionReferences,
  ) {}

  async ingest(
    cityId: CityId,
    connection: ConnectionRow,
    dimensions: DeclaredDimension[],
    submission: ExternalSubmission,
    runId: string,
  ): Promise<IngestOutcome> {
    const { logicalId, editId } = submission;
    const previous = await this.store.record(cityId, connection.id, logicalId);
    if (previous?.editId === editId) return { kind: 'ignored' };
    const keep = (fingerprint: string, submissionId = previous?.submissionId ?? null) =>
      this.store.saveRecord(cityId, connection.id, logicalId, { editId, fingerprint, submissionId });
    const mapped = mapAnswers(submission.answers, dimensions);
    if (!mapped.ok) {
      await keep(sha256(editId));
      return { kind: 'rejected', reason: mapped.reason };
    }
    try {
      const slot = await this.slot(cityId, connection, mapped.hidden);
      const fingerprint = sha256(canonicalJson({ slot, observations: mapped.observations }));
      const decision = decideIngest(previous, { editId, fingerprint });
      const metadata = this.metadata(connection, runId, [logicalId, editId], fingerprint);
      switch (decision.kind) {
        case 'ignore':
          await keep(fingerprint);
          return { kind: 'ignored' };
        case 'submit': {
          const view = await this.submit(cityId, connection, slot, mapped.observations, submission, metadata);
          await keep(fingerprint, view.id);
          return { kind: 'created' };
        }
        case 'correct': {
          const reason = `Edited on ${connection.kind === 'kobo' ? 'KoboToolbox' : 'ODK Central'} (edit ${editId})`;
          const input = { reason, observations: mapped.observations };
          await this.commands.execute(
            new CorrectSubmissionCommand(cityId, decision.submissionId, input, metadata),
          );
          await keep(fingerprint);
          return { kind: 'corrected' };
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof Rejected)) throw error;
      await keep(sha256(editId));
      const reason = error instanceof DomainError ? reasonOf(error, mapped.questions) : error.message;
      return { kind: 'rejected', reason };
    }
  }

  private submit(
    cityId: CityId,
    connection: ConnectionRow,
    slot: Slot,
    observations: MappedObservation[],
    submission: ExternalSubmission,
    metadata: CommandMetadata,
  ) {
    const source = `${connection.kind} ${connection.formId} ${submission.logicalId}`.slice(0, 2000);
    const input = { indicatorId: connection.indicatorId, ...slot, observations, source };
    return this.commands.execute(new SubmitDataCommand(cityId, input, metadata));
  }

  // The connection's assignment, or the one the answer's hidden field names (in this city, for this
  // indicator). An assignment is one period: a `period_id` naming another is refused, or whoever can
  // answer the form could file the organisation's data for any period of the city.
  private async slot(cityId: CityId, c: ConnectionRow, hidden: Record<string, string>): Promise<Slot> {
    if (c.organisationId && c.periodId) return { organisationId: c.organisationId, periodId: c.periodId };
    const assignmentId = hidden[HIDDEN_FIELDS.assignmentId];
    const assignment =
      assignmentId && UUID.test(assignmentId)
        ? await this.references.assignment(cityId, assignmentId)
        : undefined;
    if (!assignment || assignment.indicatorId !== c.indicatorId)
      throw new Rejected(`${HIDDEN_FIELDS.assignmentId} names no assignment of this indicator`);
    const periodId = hidden[HIDDEN_FIELDS.periodId] ?? assignment.periodId;
    if (periodId !== assignment.periodId)
      throw new Rejected(`${HIDDEN_FIELDS.periodId} is not the period of ${HIDDEN_FIELDS.assignmentId}`);
    return { organisationId: assignment.organisationId, periodId };
  }

  // As the coordinator who connected the form; the key makes each (connection, logical id, edit) one command.
  private metadata(c: ConnectionRow, runId: string, ids: string[], fingerprint: string): CommandMetadata {
    return {
      actorId: c.createdBy,
      actorRole: 'coordinator',
      organisationId: null,
      correlationId: `collection-run-${runId}`,
      idempotencyKey: sha256(canonicalJson(['collection', c.id, ...ids])),
      requestFingerprint: fingerprint,
    };
  }
}
