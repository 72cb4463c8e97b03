import { defineErrors } from '@rl/kernel';

// Every error of notifications, under the code prefixes clients already switch on.

export const NoticeErrors = defineErrors('NOTICE', {
  NOT_FOUND: { kind: 'not_found', message: 'No such notice' },
  INVALID_CURSOR: { kind: 'bad_request', message: 'before is not one of your notices' },
});

export const FollowErrors = defineErrors('FOLLOW', {
  LIMIT_REACHED: { kind: 'invalid', message: 'Too many followed indicators in this city' },
});

export const ReminderPolicyErrors = defineErrors('REMINDER_POLICY', {
  INVALID: {
    kind: 'invalid',
    message: 'Invalid reminder policy, naming the field (e.g. offsets[0].offset, quietHours.start)',
  },
});

export const CalendarErrors = defineErrors('CALENDAR', {
  // Unknown city, unknown or replaced token, a member who left: all look the same.
  NOT_FOUND: { kind: 'not_found', message: 'No such calendar feed' },
});

export const WebhookErrors = defineErrors('WEBHOOK', {
  NOT_FOUND: { kind: 'not_found', message: 'No such webhook' },
  URL_REFUSED: {
    kind: 'invalid',
    message:
      'The webhook url (field `url`) is not https in production, or its host is or resolves to a ' +
      'loopback, private, link-local or other internal address',
  },
  LIMIT_REACHED: {
    kind: 'invalid',
    message: 'The city has as many active webhooks as it may; remove one first',
  },
  DELIVERY_NOT_FOUND: { kind: 'not_found', message: 'No such webhook delivery' },
  DELIVERY_NOT_DEAD: { kind: 'conflict', message: 'Only dead deliveries are redelivered' },
  REMOVED: { kind: 'conflict', message: 'The webhook of this delivery was removed' },
  DELIVERY_BUSY: {
    kind: 'conflict',
    message: 'The last attempt is still finishing; try again in a moment',
  },
});

// A retried registration whose key named another request (its first result is no webhook).
export const RequestErrors = defineErrors('REQUEST', {
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'conflict',
    message: 'This Idempotency-Key was already used for another request',
  },
});
