import { SetMetadata } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';

// A read model computed from the event log. `apply` receives a batch of events (only the types it
// handles, in order) inside the transaction that also moves its checkpoint, so its writes and the
// checkpoint commit together: a replayed batch is never applied twice.
export interface Projection {
  readonly name: string;
  readonly handles: readonly string[];
  // Tenant tables holding the read model; a rebuild empties the city's rows in them first.
  readonly tables: readonly string[];
  // For a replay of the log into scratch copies of the tables (the read-model verification).
  readonly replay?: ReplayNotes;
  apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void>;
}

export interface ReplayNotes {
  // Tables it writes besides its read model (outboxes, wake-up marks): copied too, never compared.
  readonly alsoWrites?: readonly string[];
  // Tables of `tables` a replay cannot reproduce (written by jobs or by the clock), with the reason.
  readonly notReproducible?: Readonly<Record<string, string>>;
  // Columns a replay cannot reproduce (set from the clock at fold time), left out of the comparison.
  readonly volatileColumns?: Readonly<Record<string, readonly string[]>>;
}

export const PROJECTION = 'rights-ledger:projection';

// Registers a provider as a projection; the registry finds it at start-up.
export const ProjectionDefinition = () => SetMetadata(PROJECTION, true);
