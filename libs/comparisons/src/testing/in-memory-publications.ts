import { AppendResult, EventMetadata } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { PublicationChange } from '../commands/set-publication/append-publication-change';
import { PopulationView } from '../comparisons.view';
import { PublicationFlags, Publications } from '../persistence/publications.repository';

// Publication changes and flags per city; a retry under the same idempotency key gets the first result.
export class InMemoryPublications implements Publications {
  readonly changes: PublicationChange[] = [];
  private readonly byIndicator = new Map<string, PublicationFlags>();
  private readonly results = new Map<string, AppendResult>();

  change(cityId: CityId, change: PublicationChange, metadata: EventMetadata): Promise<AppendResult> {
    const key = `${cityId}/${metadata.idempotencyKey}`;
    const earlier = metadata.idempotencyKey === undefined ? undefined : this.results.get(key);
    if (earlier) return Promise.resolve(earlier);
    this.changes.push(change);
    this.byIndicator.set(`${cityId}/${change.indicatorId}`, {
      comparable: change.comparable,
      public: change.public,
    });
    const version = this.changes.filter((c) => c.indicatorId === change.indicatorId).length;
    const result = { streamId: `publication-${change.indicatorId}`, version, position: this.changes.length };
    if (metadata.idempotencyKey !== undefined) this.results.set(key, result);
    return Promise.resolve(result);
  }

  flags(cityId: CityId, indicatorId: string): Promise<PublicationFlags | null> {
    return Promise.resolve(this.byIndicator.get(`${cityId}/${indicatorId}`) ?? null);
  }

  population(): Promise<PopulationView[]> {
    return Promise.resolve([]);
  }
}
