import { defineErrors } from '@rl/kernel';

export const MeetingErrors = defineErrors('MEETING', {
  NOT_FOUND: { kind: 'not_found', message: 'No such meeting' },
  ALREADY_EXISTS: { kind: 'conflict', message: 'This meeting already exists' },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'Give at least one field to change' },
  NOT_REMOVABLE: { kind: 'bad_request', message: 'Only place and online can be removed (null)' },
  CANCEL_ALONE: {
    kind: 'bad_request',
    message: 'A cancellation changes nothing else: send status cancelled, with an optional reason, alone',
  },
  INVALID_TIME: { kind: 'invalid', message: 'A meeting ends after it starts and lasts at most a week' },
  AGENDA_TOO_LONG: {
    kind: 'invalid',
    message: 'The agenda items take longer than the meeting (the sum of their durations)',
  },
  INVALID_URL: { kind: 'invalid', message: 'The online link is an http(s) URL' },
  TOO_LARGE: {
    kind: 'invalid',
    message: 'A field of the meeting is longer or has more entries than allowed',
  },
  RESULTS_ONLY: {
    kind: 'invalid',
    message: 'Only a results session links the period and indicators whose values it discussed',
  },
  UNKNOWN_REFERENCE: { kind: 'invalid', message: 'A linked object is not one of this city' },
  CANCELLED: { kind: 'conflict', message: 'The meeting is cancelled' },
  NOT_STARTED: { kind: 'invalid', message: 'Attendance is recorded once the meeting has started' },
  ATTENDEE_EMPTY: { kind: 'invalid', message: 'An attendee names a userId, an organisationId or both' },
});
