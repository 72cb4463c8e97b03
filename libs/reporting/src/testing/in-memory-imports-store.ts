import { CityId } from '@rl/kernel';
import { ImportWakeups } from '../imports/import-sweep';
import {
  ClaimedImport,
  ImportOutcomeRow,
  ImportRow,
  ImportsStore,
  NewImport,
} from '../imports/imports.store';

interface Stored extends NewImport {
  cityId: CityId;
  status: ImportRow['status'];
  attempts: number;
  rowsRead?: number;
  percent?: number;
  report?: object | null;
  error?: object;
  position?: number;
}

// The imports table in memory, for unit tests: claims by attempt, as the SQL one takes them.
export class InMemoryImportsStore extends ImportsStore {
  readonly rows = new Map<string, Stored>();

  insert(cityId: CityId, row: NewImport): Promise<void> {
    this.rows.set(row.id, { ...row, cityId, status: 'queued', attempts: 0 });
    return Promise.resolve();
  }

  claim(cityId: CityId, id: string): Promise<ClaimedImport | null> {
    const row = this.rows.get(id);
    if (!row || row.cityId !== cityId || row.status !== 'queued') return Promise.resolve(null);
    row.status = 'running';
    row.attempts++;
    const { attempts, fileName, content, request } = row;
    return Promise.resolve({ id, attempts, fileName, content, request });
  }

  progress(_cityId: CityId, id: string, _attempts: number, rowsRead: number, percent: number) {
    Object.assign(this.rows.get(id) ?? {}, { rowsRead, percent });
    return Promise.resolve();
  }

  finish(_cityId: CityId, claim: { id: string; attempts: number }, outcome: ImportOutcomeRow) {
    const row = this.rows.get(claim.id);
    if (!row || row.attempts !== claim.attempts || row.status !== 'running') return Promise.resolve(false);
    Object.assign(row, outcome);
    return Promise.resolve(true);
  }

  release(_cityId: CityId, claim: { id: string }) {
    Object.assign(this.rows.get(claim.id) ?? {}, { status: 'queued' });
    return Promise.resolve();
  }

  recordPosition(_cityId: CityId, id: string, position: number) {
    Object.assign(this.rows.get(id) ?? {}, { position });
    return Promise.resolve();
  }

  get(): Promise<ImportRow | null> {
    return Promise.reject(new Error('not used by the handler specs'));
  }

  list(): Promise<ImportRow[]> {
    return Promise.reject(new Error('not used by the handler specs'));
  }

  pending(cityId: CityId): Promise<string[]> {
    const queued = [...this.rows.values()].filter((r) => r.cityId === cityId && r.status === 'queued');
    return Promise.resolve(queued.map((r) => r.id));
  }
}

// The imports handed to the worker, in order.
export class RecordedWakeups extends ImportWakeups {
  readonly woken: string[] = [];

  wake(_cityId: string, importId: string): Promise<unknown> {
    this.woken.push(importId);
    return Promise.resolve();
  }
}
