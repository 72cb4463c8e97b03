import { Decider } from '@rl/kernel';
import { SubmissionErrors } from './reporting.errors';
import {
  SUBMISSION_EVENT_TYPES,
  SubmissionEvent,
  SubmissionKey,
  SubmissionStatus,
  SubmittedData,
} from './submission.events';

// Who submitted and who last corrected: the people four eyes keeps from validating.
interface Authors {
  submittedBy?: string;
  correctedBy?: string;
}

export type SubmissionState =
  { exists: false } | ({ exists: true; status: SubmissionStatus } & SubmissionKey & SubmittedData & Authors);

// A recorded event: its metadata names the actor.
export type AuthoredSubmissionEvent = SubmissionEvent & { metadata?: { actorId?: string } };

// Observations arrive checked (observation-checks.ts); the assignment, the indicator's status and the
// one-open-submission rule are checked by the handler in the transaction that appends.
export type SubmissionCommand =
  | ({ type: 'SubmitData' } & SubmissionKey & SubmittedData & { source?: string; note?: string })
  | { type: 'ValidateSubmission'; actorId: string; fourEyes: boolean }
  | { type: 'ReturnSubmission'; reason: string }
  | ({ type: 'CorrectSubmission'; reason: string } & SubmittedData);

const initialState = (): SubmissionState => ({ exists: false });

const invalidTransition = (from: SubmissionStatus, action: string) =>
  SubmissionErrors.INVALID_TRANSITION({
    message: `A ${from} submission cannot be ${action}`,
    errors: [{ field: 'status', message: `is ${from}` }],
    details: { status: from },
  });

const keyOf = (state: SubmissionKey): SubmissionKey => ({
  submissionId: state.submissionId,
  indicatorId: state.indicatorId,
  periodId: state.periodId,
  organisationId: state.organisationId,
});

function decide(command: SubmissionCommand, state: SubmissionState): SubmissionEvent[] {
  if (command.type === 'SubmitData') {
    if (state.exists) throw SubmissionErrors.ALREADY_EXISTS();
    const { type: _type, ...data } = command;
    return [{ type: 'SubmissionSubmitted', data }];
  }
  if (!state.exists) throw SubmissionErrors.NOT_FOUND();
  switch (command.type) {
    case 'ValidateSubmission':
      if (state.status !== 'submitted') throw invalidTransition(state.status, 'validated');
      if (command.fourEyes && [state.submittedBy, state.correctedBy].includes(command.actorId)) {
        throw SubmissionErrors.SAME_PERSON();
      }
      return [
        {
          type: 'SubmissionValidated',
          data: { ...keyOf(state), observations: state.observations, late: state.late, series: state.series },
        },
      ];
    case 'ReturnSubmission':
      if (state.status !== 'submitted') throw invalidTransition(state.status, 'returned');
      return [{ type: 'SubmissionReturned', data: { ...keyOf(state), reason: command.reason } }];
    case 'CorrectSubmission': {
      if (state.status === 'validated') throw invalidTransition(state.status, 'corrected');
      const { observations, late, definitionVersion, series, reason } = command;
      return [
        {
          type: 'SubmissionCorrected',
          data: { ...keyOf(state), observations, late, definitionVersion, series, reason },
        },
      ];
    }
  }
}

function evolve(state: SubmissionState, event: AuthoredSubmissionEvent): SubmissionState {
  const actorId = event.metadata?.actorId;
  switch (event.type) {
    case 'SubmissionSubmitted': {
      const { submissionId, indicatorId, periodId, organisationId, observations, late } = event.data;
      const { definitionVersion, series } = event.data;
      return {
        exists: true,
        status: 'submitted',
        submissionId,
        indicatorId,
        periodId,
        organisationId,
        observations,
        late,
        definitionVersion,
        series,
        submittedBy: actorId,
      };
    }
    case 'SubmissionCorrected':
      if (!state.exists) return state;
      return {
        ...state,
        status: 'submitted',
        observations: event.data.observations,
        late: event.data.late,
        definitionVersion: event.data.definitionVersion,
        series: event.data.series,
        correctedBy: actorId,
      };
    case 'SubmissionValidated':
      return state.exists ? { ...state, status: 'validated' } : state;
    case 'SubmissionReturned':
      return state.exists ? { ...state, status: 'returned' } : state;
  }
}

export const submissionDecider: Decider<SubmissionState, SubmissionCommand, AuthoredSubmissionEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: SUBMISSION_EVENT_TYPES,
};
