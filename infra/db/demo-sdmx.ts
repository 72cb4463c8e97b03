import { CommandBus } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { SetSdmxMappingCommand } from '@rl/open-data';
import { DemoOpenData } from './demo-open-data';
import { DemoValuesCity } from './demo-values';

// Illustrative codes: the SDG code lists have no series for evictions nor city areas, so the demo uses
// placeholders of its own; districts go to the DSD's custom breakdown.
const CODES: Record<string, { series: string; refArea: string }> = {
  ghent: { series: 'ILLUSTRATIVE_EVICTIONS', refArea: 'BE_GENT' },
  padua: { series: 'ILLUSTRATIVE_EVICTIONS', refArea: 'IT_PADOVA' },
};

// The SDMX mapping of the demo open-data indicator, so that
// GET /v1/public/cities/:city/data/OD-P1?format=sdmx-csv answers a file. Idempotent (keyed).
export async function seedDemoSdmx(
  commands: CommandBus,
  city: DemoValuesCity & { id: CityId },
  openData: DemoOpenData | undefined,
): Promise<void> {
  const codes = CODES[city.slug];
  if (!openData || !codes) return;
  const values = Object.fromEntries(openData.districts.map((d) => [d, d.toUpperCase().slice(0, 50)]));
  await commands.execute(
    new SetSdmxMappingCommand(
      city.id,
      openData.indicatorId,
      { ...codes, unitMeasure: 'NUMBER', dimensions: { district: { code: 'CUST_BREAKDOWN', values } } },
      false,
      undefined,
      { actorId: city.coordinatorId, actorRole: 'coordinator', idempotencyKey: 'demo:sdmx:mapping' },
    ),
  );
}
