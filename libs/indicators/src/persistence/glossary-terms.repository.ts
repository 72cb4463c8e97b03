import { Injectable } from '@nestjs/common';
import { glossaryTermStream } from '@rl/glossary';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { IndicatorErrors } from '../domain/indicator.errors';

export const unknownTerms = (ids: readonly string[]) =>
  IndicatorErrors.UNKNOWN_TERM({
    message: `Not glossary terms of this city: ${ids.join(', ')}`,
    errors: [{ field: 'terms', message: `${ids.join(', ')} is not a glossary term of this city` }],
    details: { terms: ids },
  });

// The glossary terms an indicator may link: any term of its city, whatever its status.
export abstract class GlossaryTerms {
  // The given ids that are not terms of the city.
  abstract unknown(cityId: CityId, ids: readonly string[]): Promise<string[]>;

  // Refuses with INDICATOR.UNKNOWN_TERM when one of the ids is not a term of the city.
  async assertKnown(cityId: CityId, ids: readonly string[] | undefined): Promise<void> {
    if (!ids?.length) return;
    const unknown = await this.unknown(cityId, ids);
    if (unknown.length > 0) throw unknownTerms(unknown);
  }
}

// A term exists if its stream is in the city's log (row-level security limits the query to the city);
// terms are never removed, so the answer holds when the indicator's event is appended.
@Injectable()
export class PgGlossaryTerms extends GlossaryTerms {
  constructor(private readonly db: TenantDb) {
    super();
  }

  async unknown(cityId: CityId, ids: readonly string[]): Promise<string[]> {
    const streams = ids.map(glossaryTermStream);
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ stream_id: string }[]>(`SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1)`, [
        streams,
      ]),
    );
    const known = new Set(rows.map((r) => r.stream_id));
    return ids.filter((id) => !known.has(glossaryTermStream(id)));
  }
}
