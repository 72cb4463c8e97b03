import { SetMetadata } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';

// The side effects of a projection (queue wake-ups): run after the projection's transaction commits and
// only up to its checkpoint, so `react` reads committed read-model rows. A reactor keeps its own
// checkpoint (in projection_checkpoints, under its name) and moves it after its side effects succeed:
// at least once, so side effects must be idempotent (deterministic job ids). `em` is the reactor's own
// transaction (READ COMMITTED, the city set): for reads, never for read-model writes.
export interface Reactor {
  readonly name: string;
  // The projection whose committed rows it reads.
  readonly follows: string;
  readonly handles: readonly string[];
  // After a rebuild of the projection: 'replay' reacts to the whole log again (rows the rebuild
  // re-created need their side effects), 'skip' goes on from where it stood (side effects that would be
  // wrong or pointless for old events).
  readonly afterRebuild: 'replay' | 'skip';
  react(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void>;
}

export const REACTOR = 'rights-ledger:reactor';

// Registers a provider as a reactor; the registry finds it at start-up.
export const ReactorDefinition = () => SetMetadata(REACTOR, true);
