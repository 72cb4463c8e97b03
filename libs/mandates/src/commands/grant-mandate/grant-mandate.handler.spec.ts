import { InMemoryAggregates } from '@rl/event-store/testing';
import { indicatorStream } from '@rl/indicators';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { granted, MANDATE_IDS as ids } from '../../domain/testing/mandate-factories';
import { InMemoryMandateReferences } from '../../testing/in-memory-mandate-references';
import { GrantMandateCommand } from './grant-mandate.command';
import { GrantMandateDto } from './grant-mandate.dto';
import { GrantMandateHandler } from './grant-mandate.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const input: GrantMandateDto = {
  holderUserId: ids.holder,
  scope: { indicators: [ids.indicator] },
  validFrom: '2025-01-01',
  validUntil: '2025-12-31',
  signedBy: { name: 'An Peeters', function: 'Director' },
  documentRef: 'Board decision 2025/14 (illustrative)',
};

const setUp = () => {
  const aggregates = new InMemoryAggregates();
  const references = new InMemoryMandateReferences();
  references.organisations.add(ids.organisation);
  references.members.add(`${ids.holder}/${ids.organisation}`);
  references.streams.add(indicatorStream(ids.indicator));
  return { aggregates, references, handler: new GrantMandateHandler(aggregates, references) };
};
const grant = (changes: Partial<GrantMandateDto> = {}, metadata = commandMetadata()) =>
  new GrantMandateCommand(ghent, ids.organisation, { ...input, ...changes }, metadata);

describe('GrantMandateHandler', () => {
  it('records the mandate on a new stream named by the id it returns', async () => {
    const { aggregates, handler } = setUp();
    const view = await handler.execute(grant());
    expect(view.version).toBe(1);
    expect(aggregates.eventsOf(ghent, `mandate-${view.id}`)).toEqual([granted({ mandateId: view.id })]);
  });

  it('answers a retry under the same idempotency key with the first mandate', async () => {
    const { handler } = setUp();
    const command = grant({}, commandMetadata({ idempotencyKey: 'k1' }));
    const first = await handler.execute(command);
    expect(await handler.execute(command)).toEqual(first);
  });

  it('says not found for an organisation of no city of its own', async () => {
    const { handler, references } = setUp();
    references.organisations.clear();
    await expect(handler.execute(grant())).rejects.toMatchObject({ code: 'MANDATE.ORGANISATION_NOT_FOUND' });
  });

  it('refuses a holder who is no active member of the organisation, naming holderUserId', async () => {
    const { handler } = setUp();
    await expect(handler.execute(grant({ holderUserId: ids.mandate }))).rejects.toMatchObject({
      code: 'MANDATE.UNKNOWN_HOLDER',
      errors: [{ field: 'holderUserId' }],
    });
  });

  it('refuses indicators and tasks of no such kind in the city, naming the list', async () => {
    const { aggregates, handler } = setUp();
    await expect(handler.execute(grant({ scope: { indicators: [ids.mandate] } }))).rejects.toMatchObject({
      code: 'MANDATE.UNKNOWN_INDICATOR',
      errors: [{ field: 'scope.indicators' }],
      details: { indicators: [ids.mandate] },
    });
    await expect(handler.execute(grant({ scope: { tasks: [ids.indicator] } }))).rejects.toMatchObject({
      code: 'MANDATE.UNKNOWN_TASK',
      errors: [{ field: 'scope.tasks' }],
    });
    expect(aggregates.eventsOf(ghent, `mandate-${ids.mandate}`)).toEqual([]);
  });
});
