import { Injectable } from '@nestjs/common';
import { AppendResult } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { organisationStream } from '@rl/stakeholders';
import { CommandMetadata } from '@rl/web';
import { checkObservations, ObservationInput, ValidatedHistory } from '../domain/observation-checks';
import { SubmissionErrors } from '../domain/reporting.errors';
import { SubmissionCommand, submissionDecider } from '../domain/submission.decider';
import { Observation, submissionStream } from '../domain/submission.events';
import { ReportingTx, requireStream } from '../persistence/reporting-ledger';
import { IndicatorAsNow, SubmissionReferences } from '../persistence/submission-references.repository';

// The writes of submissions, one way for POST /submissions, corrections and imports.

export type ActiveIndicator = IndicatorAsNow;
export type SubmitData = Extract<SubmissionCommand, { type: 'SubmitData' }>;

// Who a submission (or an import) is for: a collector's own organisation; for an official the one named,
// by default their own.
export function submittingOrganisation(requested: string | undefined, metadata: CommandMetadata): string {
  const collector = metadata.actorRole === 'collector';
  const organisationId = collector ? metadata.organisationId : (requested ?? metadata.organisationId);
  if (collector && (!organisationId || (requested && requested !== organisationId))) {
    throw SubmissionErrors.NOT_ASSIGNED();
  }
  if (!organisationId) {
    throw SubmissionErrors.ORGANISATION_REQUIRED({
      errors: [{ field: 'organisationId', message: 'is required for a member without an organisation' }],
    });
  }
  return organisationId;
}

// The transactional half of a submission: the collector's assignment (or the official's organisation in
// the city), the one-open-submission reservation, then the submission's first event.
export async function submitIn(
  tx: ReportingTx,
  command: SubmitData,
  metadata: CommandMetadata,
): Promise<AppendResult> {
  const { submissionId, indicatorId, periodId, organisationId } = command;
  const slot = { indicatorId, periodId, organisationId };
  if (metadata.actorRole === 'collector') {
    if (!(await tx.isAssigned(slot))) throw SubmissionErrors.NOT_ASSIGNED();
  } else {
    await requireStream(
      tx,
      organisationStream(organisationId),
      SubmissionErrors.UNKNOWN_ORGANISATION,
      'organisationId',
      'organisation',
    );
  }
  if (!(await tx.reserveOpenSubmission(slot, submissionId))) {
    throw SubmissionErrors.ALREADY_OPEN({ details: { openSubmissionId: await tx.openSubmission(slot) } });
  }
  return tx.handle(submissionDecider, submissionStream(submissionId), command, { expected: 0, metadata });
}

// What submit, correct and the import check before they decide: the indicator as its stream says now,
// the period's deadline, and the observations against both (with the series' plausibility).
@Injectable()
export class SubmissionChecks {
  constructor(private readonly references: SubmissionReferences) {}

  async activeIndicator(cityId: CityId, indicatorId: string): Promise<ActiveIndicator> {
    const indicator = await this.references.indicator(cityId, indicatorId);
    if (!indicator) {
      throw SubmissionErrors.UNKNOWN_INDICATOR({
        errors: [{ field: 'indicatorId', message: 'is not an indicator of this city' }],
      });
    }
    if (indicator.status !== 'active') {
      throw SubmissionErrors.INDICATOR_NOT_ACTIVE({
        message: `Data is accepted only for active indicators; this one is ${indicator.status}`,
        errors: [{ field: 'indicatorId', message: `is ${indicator.status}` }],
      });
    }
    return indicator;
  }

  // The period's deadline (UTC instant), or a 422 naming periodId.
  async deadline(cityId: CityId, periodId: string): Promise<Date> {
    const deadline = await this.references.periodDeadline(cityId, periodId);
    if (!deadline) {
      throw SubmissionErrors.UNKNOWN_PERIOD({
        errors: [{ field: 'periodId', message: 'is not a period of this city' }],
      });
    }
    return deadline;
  }

  // Checks the observations as recorded under the indicator's current definition, flagging outliers
  // against the validated values of the same series in other periods.
  async observations(
    cityId: CityId,
    indicator: ActiveIndicator,
    where: { indicatorId: string; periodId: string },
    inputs: readonly ObservationInput[],
  ): Promise<Observation[]> {
    return checkObservations(indicator, inputs, await this.history(cityId, indicator, where));
  }

  // Validated values of the same indicator and series in other periods, oldest first, per key.
  async history(
    cityId: CityId,
    { series }: ActiveIndicator,
    where: { indicatorId: string; periodId: string },
  ): Promise<ValidatedHistory> {
    const byKey = new Map<string, number[]>();
    for (const { key, value } of await this.references.validatedValues(cityId, { ...where, series })) {
      byKey.set(key, [...(byKey.get(key) ?? []), value]);
    }
    return (key) => byKey.get(key) ?? [];
  }
}
