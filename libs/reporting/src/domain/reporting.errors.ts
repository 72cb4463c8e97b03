import { defineErrors } from '@rl/kernel';

// Every error code of the reporting context, by the prefix clients already switch on.

export const PeriodErrors = defineErrors('PERIOD', {
  ALREADY_EXISTS: { kind: 'conflict', message: 'This period already exists' },
  CODE_TAKEN: { kind: 'conflict', message: 'The city already has a period with this code' },
  INVALID_CODE: { kind: 'bad_request', message: 'Invalid period code (field code)' },
  INVALID_DEADLINE: { kind: 'bad_request', message: 'Invalid deadline (field deadline)' },
  NOT_FOUND: { kind: 'not_found', message: 'No such period' },
});

export const AssignmentErrors = defineErrors('ASSIGNMENT', {
  ALREADY_EXISTS: {
    kind: 'conflict',
    message: 'This indicator is already assigned to this organisation for this period',
  },
  ALREADY_WITHDRAWN: { kind: 'conflict', message: 'This assignment was already withdrawn' },
  NOT_FOUND: { kind: 'not_found', message: 'No such assignment' },
  UNKNOWN_INDICATOR: { kind: 'invalid', message: 'No such indicator in this city' },
  UNKNOWN_ORGANISATION: { kind: 'invalid', message: 'No such organisation in this city' },
  UNKNOWN_PERIOD: { kind: 'invalid', message: 'No such period in this city' },
});

export const SubmissionErrors = defineErrors('SUBMISSION', {
  ALREADY_EXISTS: { kind: 'conflict', message: 'This submission already exists' },
  ALREADY_OPEN: {
    kind: 'conflict',
    message:
      'This organisation already has an open submission for this indicator and period; correct it instead',
  },
  INDICATOR_NOT_ACTIVE: { kind: 'invalid', message: 'Data is accepted only for active indicators' },
  INVALID_OBSERVATIONS: { kind: 'invalid', message: 'Observations the indicator does not allow' },
  INVALID_TRANSITION: { kind: 'conflict', message: 'The submission is not in a state that allows this' },
  NOT_ASSIGNED: {
    kind: 'forbidden',
    message: 'Your organisation has no active assignment for this indicator and period',
  },
  NOT_FOUND: { kind: 'not_found', message: 'No such submission' },
  ORGANISATION_REQUIRED: { kind: 'invalid', message: 'Name the organisation' },
  SAME_PERSON: {
    kind: 'forbidden',
    message: 'Four eyes: whoever submitted or last corrected a submission cannot validate it',
  },
  UNKNOWN_INDICATOR: { kind: 'invalid', message: 'No such indicator in this city' },
  UNKNOWN_ORGANISATION: { kind: 'invalid', message: 'No such organisation in this city' },
  UNKNOWN_PERIOD: { kind: 'invalid', message: 'No such period in this city' },
});

// The same code as a 400: values that are not numbers, unknown statuses, too few or too many.
export const MalformedSubmissionErrors = defineErrors('SUBMISSION', {
  INVALID_OBSERVATIONS: { kind: 'bad_request', message: 'Malformed observations' },
});

export const ImportErrors = defineErrors('IMPORT', {
  ARCHIVE_TOO_LARGE: { kind: 'invalid', message: 'The workbook is refused (a cap on its ZIP entries)' },
  CELL_TOO_LONG: { kind: 'invalid', message: 'The file is refused: a cell is too long' },
  EMPTY_FILE: { kind: 'bad_request', message: 'The file is empty' },
  FAILED: { kind: 'invalid', message: 'The import failed repeatedly; nothing was written' },
  FILE_REQUIRED: { kind: 'bad_request', message: 'Attach the file to import' },
  INVALID_LAYOUT: {
    kind: 'bad_request',
    message: 'An Open SDG file has a Year column and Value as the last column',
  },
  INVALID_MAPPING: { kind: 'bad_request', message: 'mapping must be JSON of columns and values' },
  MULTIPART_LIMIT: { kind: 'bad_request', message: 'The multipart form breaks a limit' },
  NOT_FOUND: { kind: 'not_found', message: 'No such import in this city' },
  REJECTED: {
    kind: 'invalid',
    message: 'The import was rejected, nothing was written; `report` lists the first 1,000 refused rows',
  },
  TOO_MANY_COLUMNS: { kind: 'invalid', message: 'The file is refused: too many columns' },
  TOO_MANY_PERIODS: { kind: 'invalid', message: 'The import is refused: it would create too many periods' },
  TOO_MANY_ROWS: { kind: 'invalid', message: 'The file is refused: too many data rows' },
  UNREADABLE_FILE: { kind: 'bad_request', message: 'The file cannot be read' },
});

// A filled spreadsheet template uploaded to POST …/imports without indicatorId (read by the forms context).
export const TemplateErrors = defineErrors('TEMPLATE', {
  NOT_A_TEMPLATE: {
    kind: 'bad_request',
    message:
      'Send indicatorId with an Open SDG file, or upload a template from …/assignments/:id/template.xlsx',
  },
  TAMPERED: { kind: 'invalid', message: "The template's metadata sheet was changed (its signature fails)" },
  OTHER_CITY: { kind: 'invalid', message: 'The template is for another city' },
  STALE_DEFINITION: {
    kind: 'invalid',
    message: 'The indicator was redefined since the template was made; download a new template',
  },
  NOT_YOURS: { kind: 'invalid', message: "The template's assignment is not yours or no longer active" },
});

export const RequestErrors = defineErrors('REQUEST', {
  INVALID: { kind: 'bad_request', message: 'Invalid request' },
});
