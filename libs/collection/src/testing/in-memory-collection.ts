import { DeclaredDimension } from '@rl/forms';
import { CityId } from '@rl/kernel';
import { IngestRecord } from '../domain/ingest-decision';
import { RunTrigger } from '../persistence/collection.entities';
import { AssignmentSlot, CollectionReferences } from '../persistence/collection-references';
import {
  CollectionStore,
  ConnectionRow,
  LeasedConnection,
  NewSecrets,
  RunCounts,
  RunRow,
} from '../persistence/collection.store';

type Secrets = NewSecrets & { cityId: CityId; highWater: string | null; leased: boolean };
type Run = RunRow & { cityId: CityId; payload: unknown };

// The collection tables in memory, for handler unit tests.
export class InMemoryCollectionStore extends CollectionStore {
  readonly secrets = new Map<string, Secrets>();
  readonly rows = new Map<string, ConnectionRow>();
  readonly runList: Run[] = [];
  readonly records = new Map<string, IngestRecord>();

  saveSecrets(cityId: CityId, secrets: NewSecrets): Promise<void> {
    this.secrets.set(secrets.connectionId, { ...secrets, cityId, highWater: null, leased: false });
    return Promise.resolve();
  }

  pushTarget(cityId: CityId, tokenHash: string): Promise<string | null> {
    const found = [...this.secrets.values()].find(
      (s) => s.cityId === cityId && s.pushTokenHash === tokenHash,
    );
    return Promise.resolve(found?.connectionId ?? null);
  }

  forgetPushToken(_: CityId, connectionId: string): Promise<void> {
    const secrets = this.secrets.get(connectionId);
    if (secrets) secrets.pushTokenHash = null;
    return Promise.resolve();
  }

  connection(_: CityId, id: string): Promise<ConnectionRow | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }

  connections(_: CityId, page: { after?: string; limit: number }): Promise<ConnectionRow[]> {
    const rows = [...this.rows.values()].filter((row) => !page.after || row.id > page.after);
    return Promise.resolve(rows.slice(0, page.limit));
  }

  addRun(
    cityId: CityId,
    run: { id: string; connectionId: string; trigger: RunTrigger; payload?: unknown },
  ): Promise<void> {
    this.runList.push({
      ...run,
      cityId,
      status: 'queued',
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
      created: 0,
      corrected: 0,
      ignored: 0,
      rejected: 0,
      rejections: [],
      error: null,
      payload: run.payload ?? null,
    });
    return Promise.resolve();
  }

  runs(_: CityId, connectionId: string, page: { before?: string; limit: number }): Promise<RunRow[]> {
    const runs = this.runList.filter(
      (r) => r.connectionId === connectionId && (!page.before || r.id < page.before),
    );
    return Promise.resolve(runs.reverse().slice(0, page.limit));
  }

  lease(_: CityId, connectionId: string): Promise<LeasedConnection | null> {
    const secrets = this.secrets.get(connectionId);
    if (!secrets || secrets.leased) return Promise.resolve(null);
    secrets.leased = true;
    return Promise.resolve({ credentials: secrets.credentials, highWater: secrets.highWater });
  }

  release(_: CityId, connectionId: string, highWater: string | null): Promise<void> {
    const secrets = this.secrets.get(connectionId);
    if (secrets) Object.assign(secrets, { leased: false, highWater: highWater ?? secrets.highWater });
    return Promise.resolve();
  }

  startNextRun(
    _: CityId,
    connectionId: string,
  ): Promise<{ id: string; trigger: RunTrigger; payload: unknown } | null> {
    const run = this.runList.find((r) => r.connectionId === connectionId && r.status === 'queued');
    if (run) Object.assign(run, { status: 'running', startedAt: new Date() });
    return Promise.resolve(run ?? null);
  }

  finishRun(_: CityId, runId: string, counts: RunCounts, error: string | null): Promise<void> {
    const run = this.runList.find((r) => r.id === runId);
    if (run) Object.assign(run, counts, { status: error ? 'failed' : 'done', error, finishedAt: new Date() });
    return Promise.resolve();
  }

  record(_: CityId, connectionId: string, logicalId: string): Promise<IngestRecord | undefined> {
    return Promise.resolve(this.records.get(`${connectionId}/${logicalId}`));
  }

  saveRecord(_: CityId, connectionId: string, logicalId: string, record: IngestRecord): Promise<void> {
    this.records.set(`${connectionId}/${logicalId}`, record);
    return Promise.resolve();
  }

  pending(): Promise<{ id: string; queued: boolean; scheduled: boolean }[]> {
    return Promise.resolve([]);
  }
}

export class InMemoryCollectionReferences extends CollectionReferences {
  readonly assignments = new Map<string, AssignmentSlot>();
  readonly indicators = new Map<string, DeclaredDimension[]>();

  assignment(_: CityId, assignmentId: string): Promise<AssignmentSlot | undefined> {
    return Promise.resolve(this.assignments.get(assignmentId));
  }

  dimensions(_: CityId, indicatorId: string): Promise<DeclaredDimension[] | undefined> {
    return Promise.resolve(this.indicators.get(indicatorId));
  }
}
