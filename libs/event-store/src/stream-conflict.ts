import { DomainError } from '@rl/kernel';

// `organisation-<uuid>` → ORGANISATION.VERSION_CONFLICT: the code names the aggregate, as clients expect.
export function streamConflict(streamId: string, currentVersion: number, expected: number): DomainError {
  const aggregate = streamId
    .replace(/-[0-9a-f-]{36}$/, '')
    .replace(/-/g, '_')
    .toUpperCase();
  return new DomainError(
    'conflict',
    `${aggregate}.VERSION_CONFLICT`,
    `Expected version ${expected} but the current version is ${currentVersion}; reload and retry`,
    [{ field: 'If-Match', message: `is ${expected}, current version is ${currentVersion}` }],
    { currentVersion },
  );
}
