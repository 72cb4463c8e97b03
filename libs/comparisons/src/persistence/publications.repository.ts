import { Injectable } from '@nestjs/common';
import { AppendResult, EventMetadata, EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import {
  appendPublicationChange,
  PublicationChange,
} from '../commands/set-publication/append-publication-change';
import { PopulationView } from '../comparisons.view';

export interface PublicationFlags {
  comparable: boolean;
  public: boolean;
}

// Whether each indicator's validated values leave the city, and the city's reference population.
export abstract class Publications {
  // Records the change and the flags reads check, in one transaction; a retry under the same
  // idempotency key answers with the first result.
  abstract change(cityId: CityId, change: PublicationChange, metadata: EventMetadata): Promise<AppendResult>;
  // As the publication read model has it (null for an indicator it does not know).
  abstract flags(cityId: CityId, indicatorId: string): Promise<PublicationFlags | null>;
  abstract population(cityId: CityId): Promise<PopulationView[]>;
}

@Injectable()
export class PgPublications implements Publications {
  constructor(
    private readonly events: EventStore,
    private readonly db: TenantDb,
  ) {}

  change(cityId: CityId, change: PublicationChange, metadata: EventMetadata): Promise<AppendResult> {
    return this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, (tx) => appendPublicationChange(tx, change, metadata)),
    );
  }

  async flags(cityId: CityId, indicatorId: string): Promise<PublicationFlags | null> {
    const [row] = await this.db.inCity(cityId, (em) =>
      em.query<PublicationFlags[]>(
        `SELECT comparable, public FROM publication_indicators WHERE tenant_id = $1 AND indicator_id = $2`,
        [cityId, indicatorId],
      ),
    );
    return row ?? null;
  }

  population(cityId: CityId): Promise<PopulationView[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<PopulationView[]>(
        `SELECT year, total, districts FROM publication_population WHERE tenant_id = $1 ORDER BY year`,
        [cityId],
      ),
    );
  }
}
