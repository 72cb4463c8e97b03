import { CityId } from '@rl/kernel';
import { OfferingOrganisations, ResourceLinkTargets } from '../persistence/resource-references.repository';

// What each city holds, by kind: its organisations, indicators and tasks.
class CityObjects {
  private readonly known = new Set<string>();

  given(cityId: CityId, kind: string, ...ids: string[]): void {
    for (const id of ids) this.known.add(`${cityId}/${kind}/${id}`);
  }

  unknown(cityId: CityId, kind: string, ids: readonly string[]): Promise<string[]> {
    return Promise.resolve(ids.filter((id) => !this.known.has(`${cityId}/${kind}/${id}`)));
  }
}

export class InMemoryResourceLinkTargets extends ResourceLinkTargets {
  private readonly objects = new CityObjects();

  given(cityId: CityId, kind: 'indicator' | 'task', ...ids: string[]): this {
    this.objects.given(cityId, kind, ...ids);
    return this;
  }

  unknownIndicators(cityId: CityId, ids: readonly string[]): Promise<string[]> {
    return this.objects.unknown(cityId, 'indicator', ids);
  }

  unknownTasks(cityId: CityId, ids: readonly string[]): Promise<string[]> {
    return this.objects.unknown(cityId, 'task', ids);
  }
}

export class InMemoryOfferingOrganisations extends OfferingOrganisations {
  private readonly objects = new CityObjects();

  given(cityId: CityId, ...ids: string[]): this {
    this.objects.given(cityId, 'organisation', ...ids);
    return this;
  }

  async exists(cityId: CityId, organisationId: string): Promise<boolean> {
    return (await this.objects.unknown(cityId, 'organisation', [organisationId])).length === 0;
  }
}
