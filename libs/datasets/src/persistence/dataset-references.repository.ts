import { Injectable } from '@nestjs/common';
import { EventStore } from '@rl/event-store';
import { indicatorStream } from '@rl/indicators';
import { CityId, isEventOf } from '@rl/kernel';
import { ORGANISATION_EVENT_TYPES, OrganisationEvent, organisationStream } from '@rl/stakeholders';
import { DatasetErrors } from '../domain/dataset.errors';

// What an entry refers to in its city: the owner organisation (its kind implies the sector) and the
// indicators it feeds. Another city's organisations and indicators are not found.
export abstract class DatasetReferences {
  // The organisation's kind as its stream says now; null for no organisation of the city.
  abstract organisationKind(cityId: CityId, organisationId: string): Promise<string | null>;
  // The given ids that are not indicators of the city (whatever their status).
  abstract unknownIndicators(cityId: CityId, ids: readonly string[]): Promise<string[]>;

  // Refuses with 422 DATASET.UNKNOWN_INDICATOR, naming indicators, when one id is no indicator of the city.
  async assertIndicators(cityId: CityId, ids: readonly string[] | null | undefined): Promise<void> {
    if (!ids?.length) return;
    const unknown = await this.unknownIndicators(cityId, ids);
    if (unknown.length > 0)
      throw DatasetErrors.UNKNOWN_INDICATOR({
        message: `Not indicators of this city: ${unknown.join(', ')}`,
        errors: [{ field: 'indicators', message: `${unknown.join(', ')} is not an indicator of this city` }],
        details: { indicators: unknown },
      });
  }
}

// From the city's log: organisations and indicators are never removed, so an answer still holds when
// the entry's event is appended.
@Injectable()
export class PgDatasetReferences extends DatasetReferences {
  constructor(private readonly events: EventStore) {
    super();
  }

  async organisationKind(cityId: CityId, organisationId: string): Promise<string | null> {
    const events = await this.events.readStream(cityId, organisationStream(organisationId));
    let kind: string | null = null;
    for (const event of events) {
      if (!isEventOf<OrganisationEvent>(ORGANISATION_EVENT_TYPES, event)) continue;
      if (event.type === 'OrganisationRegistered' || event.type === 'OrganisationReclassified')
        kind = event.data.kind;
    }
    return kind;
  }

  async unknownIndicators(cityId: CityId, ids: readonly string[]): Promise<string[]> {
    const known = await this.events.existingStreams(cityId, ids.map(indicatorStream));
    return ids.filter((id) => !known.has(indicatorStream(id)));
  }
}
