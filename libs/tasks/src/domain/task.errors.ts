import { defineErrors } from '@rl/kernel';

export const TaskErrors = defineErrors('TASK', {
  ALREADY_EXISTS: { kind: 'conflict', message: 'This task already exists' },
  NOT_FOUND: { kind: 'not_found', message: 'No such task' },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'Give at least one field to change' },
  INVALID: { kind: 'invalid', message: 'The task is not valid' },
  INVALID_DUE: { kind: 'invalid', message: 'The due instant is not valid' },
  UNKNOWN_LINK: { kind: 'invalid', message: 'A link names nothing of this city' },
  UNKNOWN_ASSIGNEE: {
    kind: 'invalid',
    message: 'The assignee is not an organisation or active member of this city',
  },
  NOT_ALLOWED: { kind: 'forbidden', message: 'Only coordinators, officials and the assignee change a task' },
  STATUS_ONLY: {
    kind: 'forbidden',
    message: 'The assignee changes only the status (not to or from cancelled)',
  },
});
