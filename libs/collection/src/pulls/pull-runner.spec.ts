import { AppConfig } from '@rl/config';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { ConnectionRow } from '../persistence/collection.store';
import { CredentialsCipher } from '../persistence/credentials-cipher';
import { InMemoryCollectionReferences, InMemoryCollectionStore } from '../testing';
import { ExternalSubmission } from './answers';
import { CollectionWakeups } from './collection-wakeups';
import { PlatformClients, PullFailed, SubmissionPage } from './platform-clients';
import { PullRunner } from './pull-runner';
import { IngestOutcome, SubmissionIngest } from './submission-ingest';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const connectionId = '0192f0aa-0000-7000-8000-0000000000c9';
const indicatorId = '0192f0aa-0000-7000-8000-0000000000b1';
const config = {
  collection: { credentialsKey: Buffer.alloc(32, 5), pullEveryMinutes: 15 },
} as unknown as AppConfig;
const stream = `collection-connection-${connectionId}`;
const connected = {
  type: 'CollectionConnected',
  data: { connectionId, kind: 'odk-central', serverUrl: 'https://central.example.org', formId: '7/f' },
};
const submission = (logicalId: string, changedAt: string): ExternalSubmission => ({
  logicalId,
  editId: logicalId,
  changedAt,
  answers: {},
});

const setUp = (pages: SubmissionPage[] | Error, outcomes: Record<string, IngestOutcome> = {}) => {
  const store = new InMemoryCollectionStore();
  const references = new InMemoryCollectionReferences();
  references.indicators.set(indicatorId, []);
  const cipher = new CredentialsCipher(config);
  store.rows.set(connectionId, {
    id: connectionId,
    kind: 'odk-central',
    indicatorId,
    status: 'active',
  } as ConnectionRow);
  const seen: (string | null)[] = [];
  const clients = {
    async *pages(_: ConnectionRow, __: unknown, since: string | null) {
      seen.push(since);
      if (pages instanceof Error) throw pages;
      yield* pages;
    },
  } as unknown as PlatformClients;
  const ingest = {
    ingest: (_: unknown, __: unknown, ___: unknown, s: ExternalSubmission) =>
      Promise.resolve(outcomes[s.logicalId] ?? { kind: 'created' }),
  } as unknown as SubmissionIngest;
  const unscheduled: string[] = [];
  const wakeups = {
    unschedule: (id: string) => Promise.resolve(unscheduled.push(id) > 0),
  } as unknown as CollectionWakeups;
  const aggregates = new InMemoryAggregates().given(ghent, stream, [connected]);
  const runner = new PullRunner(store, references, cipher, clients, ingest, wakeups, aggregates);
  const connect = () =>
    store.saveSecrets(ghent, {
      connectionId,
      credentials: cipher.seal({ cityId: ghent, connectionId }, { token: 't' }),
      pushTokenHash: null,
    });
  return { store, runner, seen, connect, aggregates, unscheduled };
};

describe('PullRunner', () => {
  it('counts what each submission became and moves the high-water mark to the latest change', async () => {
    const pages = [
      {
        submissions: [submission('a', '2026-01-01T00:00:01Z'), submission('b', '2026-01-01T00:00:03Z')],
        unreadable: 1,
      },
      { submissions: [submission('c', '2026-01-01T00:00:02Z')], unreadable: 0 },
    ];
    const { store, runner, seen, connect } = setUp(pages, {
      b: { kind: 'ignored' },
      c: { kind: 'rejected', reason: 'total: "x" is not a number' },
    });
    await connect();
    await store.addRun(ghent, { id: 'run-1', connectionId, trigger: 'pull' });
    await runner.run(ghent, connectionId, false);
    expect(store.runList[0]).toMatchObject({
      status: 'done',
      created: 1,
      ignored: 1,
      rejected: 2,
      rejections: [
        { logicalId: '', reason: 'an entry without a submission id' },
        { logicalId: 'c', reason: 'total: "x" is not a number' },
      ],
    });
    await runner.run(ghent, connectionId, true);
    expect(seen).toEqual([null, '2026-01-01T00:00:03Z']);
    expect(store.runList[1]).toMatchObject({ trigger: 'schedule', status: 'done' });
  });

  it('records a failed run with its safe reason and keeps the mark', async () => {
    const { store, runner, seen, connect } = setUp(
      new PullFailed('central.example.org refused the credentials (401)'),
    );
    await connect();
    await store.addRun(ghent, { id: 'run-1', connectionId, trigger: 'pull' });
    await runner.run(ghent, connectionId, false);
    expect(store.runList[0]).toMatchObject({
      status: 'failed',
      error: 'central.example.org refused the credentials (401)',
    });
    await store.addRun(ghent, { id: 'run-2', connectionId, trigger: 'pull' });
    await runner.run(ghent, connectionId, false);
    expect(seen).toEqual([null, null]);
  });

  it('leaves queued runs to the pull that holds the lease', async () => {
    const { store, runner, connect } = setUp([]);
    await connect();
    await store.lease(ghent, connectionId);
    await store.addRun(ghent, { id: 'run-1', connectionId, trigger: 'pull' });
    await runner.run(ghent, connectionId, false);
    expect(store.runList[0].status).toBe('queued');
  });

  // Disconnecting then pushing before the read model caught up: the push must not be ingested.
  it('runs nothing for a connection whose stream says disconnected, even while the read model lags', async () => {
    const { store, runner, seen, connect, aggregates, unscheduled } = setUp([]);
    aggregates.given(ghent, stream, [{ type: 'CollectionDisconnected', data: { connectionId } }]);
    await connect();
    await store.addRun(ghent, { id: 'run-1', connectionId, trigger: 'push', payload: { _uuid: 'u1' } });
    await runner.run(ghent, connectionId, true);
    expect(store.runList.map((run) => run.status)).toEqual(['queued']);
    expect(seen).toEqual([]);
    expect(unscheduled).toEqual([connectionId]);
  });
});
