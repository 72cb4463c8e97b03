import { EntityManager } from 'typeorm';
import { DomainError } from '@rl/kernel';
import { organisationStream } from './domain/organisation.events';

// Other contexts refer to an organisation only if it is registered in the same city: its stream exists
// in the city's log, which row-level security limits to the city of `em`'s transaction. `code` is the
// caller's error code (MEMBER.UNKNOWN_ORGANISATION, ASSIGNMENT.UNKNOWN_ORGANISATION…).
export async function assertOrganisationInCity(
  em: EntityManager,
  organisationId: string | null | undefined,
  code: string,
): Promise<void> {
  if (organisationId === null || organisationId === undefined) return;
  const rows = await em.query<unknown[]>(`SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1`, [
    organisationStream(organisationId),
  ]);
  if (rows.length === 0) {
    throw new DomainError('invalid', code, 'No such organisation in this city', [
      { field: 'organisationId', message: 'is not an organisation of this city' },
    ]);
  }
}
