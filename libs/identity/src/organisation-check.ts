import { EntityManager } from 'typeorm';
import { DomainError } from '@rl/kernel';
import { organisationStream } from '@rl/stakeholders';

// A member can only be attached to an organisation registered in the same city (its stream exists in
// the city's log, which row-level security limits to this city).
export async function assertOrganisationInCity(
  em: EntityManager,
  organisationId: string | null | undefined,
): Promise<void> {
  if (organisationId === null || organisationId === undefined) return;
  const rows = await em.query<unknown[]>(`SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1`, [
    organisationStream(organisationId),
  ]);
  if (rows.length === 0) {
    throw new DomainError('invalid', 'MEMBER.UNKNOWN_ORGANISATION', 'No such organisation in this city', [
      { field: 'organisationId', message: 'is not an organisation of this city' },
    ]);
  }
}
