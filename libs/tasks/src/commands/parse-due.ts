import { parseCityInstant } from '@rl/reporting';
import { TaskErrors } from '../domain/task.errors';

// A due instant as periods read their deadlines: a date alone is the end of that day in the city's zone.
export const parseDue = (input: string, timezone: string): Date =>
  parseCityInstant(input, timezone, (message) =>
    TaskErrors.INVALID_DUE({ message: `Invalid due: ${message}`, errors: [{ field: 'due', message }] }),
  );
