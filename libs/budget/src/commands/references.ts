import { CommandMetadata } from '@rl/web';
import { indicatorStream } from '@rl/indicators';
import { organisationStream } from '@rl/stakeholders';
import { BudgetErrors } from '../domain/budget.errors';
import { BudgetTx } from '../persistence/budget-ledger';

// Refuses ids that are no indicators of the city, naming each entry (`field(i)`).
export async function assertIndicators(
  tx: BudgetTx,
  ids: readonly string[],
  field: (i: number) => string,
): Promise<void> {
  const missing = new Set(await tx.missing(ids.map(indicatorStream)));
  const errors = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => missing.has(indicatorStream(id)))
    .map(({ id, i }) => ({ field: field(i), message: `${id} is not an indicator of this city` }));
  if (errors.length > 0) throw BudgetErrors.UNKNOWN_INDICATOR({ errors });
}

export async function assertOrganisation(tx: BudgetTx, organisationId: string): Promise<void> {
  if ((await tx.missing([organisationStream(organisationId)])).length === 0) return;
  throw BudgetErrors.UNKNOWN_ORGANISATION({
    errors: [{ field: 'organisationId', message: 'is not an organisation of this city' }],
  });
}

// Of several appends in one transaction only the last carries the idempotency key (unique in the city):
// a retry then answers with that append's stream, which names the object created.
export const keyless = ({ idempotencyKey: _key, ...metadata }: CommandMetadata): CommandMetadata => metadata;

export const idOf = (streamId: string, prefix: string) => streamId.slice(prefix.length + 1);
