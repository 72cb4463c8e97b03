import { defineErrors } from '@rl/kernel';

export const ReportErrors = defineErrors('REPORT', {
  NOT_FOUND: { kind: 'not_found', message: 'No such report' },
  INVALID: { kind: 'invalid', message: 'A field of the report request is not valid' },
  NOT_GENERATED: { kind: 'conflict', message: 'The report has not been generated (yet, or it failed)' },
  ALREADY_GENERATED: { kind: 'conflict', message: 'The report has already been generated or has failed' },
});
