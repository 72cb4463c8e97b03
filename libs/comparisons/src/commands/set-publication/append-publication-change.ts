import { AppendResult, EventMetadata, EventTransaction, ExpectedVersion } from '@rl/event-store';
import { ComparisonsEvent, publicationStream } from '../../domain/comparisons.events';

export type PublicationChange = Extract<ComparisonsEvent, { type: 'PublicationChanged' }>['data'];

// The one way to change an indicator's publication: the event, and in the same transaction the flags
// that public and comparable reads check (publication_flags), so a withdrawal holds from its commit on.
// The flags are written first and the append last (it takes the city's head lock until COMMIT); two
// concurrent changes of one indicator queue on its flags row, so the flags follow the log's order.
export async function appendPublicationChange(
  tx: EventTransaction,
  change: PublicationChange,
  metadata: EventMetadata,
  expected: ExpectedVersion = 'any',
): Promise<AppendResult> {
  await tx.em.query(
    `INSERT INTO publication_flags (tenant_id, indicator_id, comparable, public) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, indicator_id) DO UPDATE SET comparable = EXCLUDED.comparable, public = EXCLUDED.public`,
    [tx.cityId, change.indicatorId, change.comparable, change.public],
  );
  const event = { type: 'PublicationChanged', data: change } satisfies ComparisonsEvent;
  return tx.append(publicationStream(change.indicatorId), expected, [event], metadata);
}
