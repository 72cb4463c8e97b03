import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';

// The distinct disaggregations of an indicator's validated cells, published or not, for a mapping's dry run.
export abstract class SdmxObservedData {
  abstract disaggregations(cityId: CityId, indicatorId: string): Promise<Record<string, string>[]>;
}

@Injectable()
export class PgSdmxObservedData implements SdmxObservedData {
  constructor(private readonly db: TenantDb) {}

  disaggregations(cityId: CityId, indicatorId: string): Promise<Record<string, string>[]> {
    return this.db.inCity(cityId, async (em) => {
      const rows = await em.query<{ d: Record<string, string> }[]>(
        `SELECT DISTINCT disaggregation AS d FROM open_data_observations WHERE tenant_id = $1 AND indicator_id = $2`,
        [cityId, indicatorId],
      );
      return rows.map((r) => r.d);
    });
  }
}
