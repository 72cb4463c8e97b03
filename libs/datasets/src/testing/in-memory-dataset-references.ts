import { CityId } from '@rl/kernel';
import { DatasetReferences } from '../persistence/dataset-references.repository';

// The organisations (with their kind) and indicators each city holds.
export class InMemoryDatasetReferences extends DatasetReferences {
  private readonly organisations = new Map<string, string>();
  private readonly indicators = new Set<string>();

  withOrganisation(cityId: CityId, organisationId: string, kind: string): this {
    this.organisations.set(`${cityId}/${organisationId}`, kind);
    return this;
  }

  withIndicators(cityId: CityId, ...ids: string[]): this {
    for (const id of ids) this.indicators.add(`${cityId}/${id}`);
    return this;
  }

  organisationKind(cityId: CityId, organisationId: string): Promise<string | null> {
    return Promise.resolve(this.organisations.get(`${cityId}/${organisationId}`) ?? null);
  }

  unknownIndicators(cityId: CityId, ids: readonly string[]): Promise<string[]> {
    return Promise.resolve(ids.filter((id) => !this.indicators.has(`${cityId}/${id}`)));
  }
}
