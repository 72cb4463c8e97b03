import { EntityManager } from 'typeorm';
import { DomainError } from '@rl/kernel';

// A reference to another aggregate of the city holds if its stream exists in the city's log (row-level
// security limits `em`'s transaction to the city).
export async function assertStreamInCity(
  em: EntityManager,
  streamId: string,
  field: string,
  code: string,
  what: string,
): Promise<void> {
  const rows = await em.query<unknown[]>(`SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1`, [streamId]);
  if (rows.length === 0) {
    throw new DomainError('invalid', code, `No such ${what} in this city`, [
      { field, message: `is not a ${what} of this city` },
    ]);
  }
}
