import { Decider } from '@rl/kernel';
import { NOTICE_KINDS, NoticeKind } from './notice';
import { WEBHOOK_EVENT_TYPES, WebhookEvent } from './notification.events';
import { WebhookErrors } from './notifications.errors';

// How many active endpoints a city may have: every notice fans out to each of them.
export const MAX_ACTIVE_WEBHOOKS = 20;

export interface WebhookState {
  status: 'none' | 'active' | 'removed';
}

export type WebhookCommand =
  | {
      type: 'RegisterWebhook';
      webhookId: string;
      url: string;
      // Absent or empty: every kind.
      events?: readonly NoticeKind[];
      // How many endpoints of the city are active now (read under the city's registration lock).
      activeWebhooks: number;
    }
  | { type: 'RemoveWebhook'; webhookId: string };

const initialState = (): WebhookState => ({ status: 'none' });

// The kinds an endpoint receives, in canonical order, so that equal subscriptions read the same in the
// list and the log; empty = all.
export const subscribedKinds = (events: readonly NoticeKind[] | undefined): NoticeKind[] =>
  NOTICE_KINDS.filter((kind) => events?.includes(kind));

function decide(command: WebhookCommand, state: WebhookState): WebhookEvent[] {
  switch (command.type) {
    case 'RegisterWebhook': {
      if (command.activeWebhooks >= MAX_ACTIVE_WEBHOOKS) {
        throw WebhookErrors.LIMIT_REACHED({
          message: `A city has at most ${MAX_ACTIVE_WEBHOOKS} active webhooks; remove one first`,
        });
      }
      const { webhookId, url } = command;
      const events = subscribedKinds(command.events);
      return [{ type: 'WebhookRegistered', data: { webhookId, origin: new URL(url).origin, events } }];
    }
    case 'RemoveWebhook':
      if (state.status !== 'active') {
        throw WebhookErrors.NOT_FOUND({
          errors: [{ field: 'id', message: 'is not an active webhook of this city' }],
        });
      }
      return [{ type: 'WebhookRemoved', data: { webhookId: command.webhookId } }];
  }
}

function evolve(_: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'active' };
    case 'WebhookRemoved':
      return { status: 'removed' };
  }
}

export const webhookDecider: Decider<WebhookState, WebhookCommand, WebhookEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: WEBHOOK_EVENT_TYPES,
};
