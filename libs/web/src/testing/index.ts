import { CommandMetadata } from '../command-headers';

// The metadata a command carries from an HTTP request, for handler unit tests.
export const commandMetadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  actorId: '0192f0aa-0000-7000-8000-00000000a001',
  actorRole: 'coordinator',
  requestId: 'request-1',
  ...overrides,
});
