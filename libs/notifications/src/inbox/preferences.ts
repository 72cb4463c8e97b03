import { NotificationPreferencesView } from './inbox.view';

// What applies to someone who never saved preferences (the outbox assumes the same).
export const DEFAULT_PREFERENCES: NotificationPreferencesView = {
  email: true,
  inApp: true,
  digest: false,
  timezone: null,
};
