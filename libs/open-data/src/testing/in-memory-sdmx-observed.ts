import { CityId } from '@rl/kernel';
import { SdmxObservedData } from '../persistence/sdmx-observed.repository';

// Validated disaggregations held in memory, per indicator.
export class InMemorySdmxObservedData implements SdmxObservedData {
  private readonly byIndicator = new Map<string, Record<string, string>[]>();

  given(indicatorId: string, disaggregations: Record<string, string>[]): this {
    this.byIndicator.set(indicatorId, disaggregations);
    return this;
  }

  disaggregations(_cityId: CityId, indicatorId: string): Promise<Record<string, string>[]> {
    return Promise.resolve(this.byIndicator.get(indicatorId) ?? []);
  }
}
