import { asCityId } from '@rl/kernel';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { commandMetadata } from '@rl/web/testing';
import { RegisterOrganisationCommand } from './register-organisation.command';
import { RegisterOrganisationHandler } from './register-organisation.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');

describe('RegisterOrganisationHandler', () => {
  it('records the organisation on a new stream named by the id it returns', async () => {
    const aggregates = new InMemoryAggregates();
    const handler = new RegisterOrganisationHandler(aggregates);
    const view = await handler.execute(
      new RegisterOrganisationCommand(
        ghent,
        { name: ' Vluchtelingenwerk  Gent', kind: 'cso' },
        commandMetadata(),
      ),
    );
    expect(view.version).toBe(1);
    expect(aggregates.eventsOf(ghent, `organisation-${view.id}`)).toEqual([
      {
        type: 'OrganisationRegistered',
        data: { organisationId: view.id, name: 'Vluchtelingenwerk Gent', kind: 'cso' },
      },
    ]);
  });

  it('answers a retry under the same idempotency key with the first organisation', async () => {
    const handler = new RegisterOrganisationHandler(new InMemoryAggregates());
    const command = new RegisterOrganisationCommand(
      ghent,
      { name: 'A', kind: 'cso' },
      commandMetadata({ idempotencyKey: 'k1' }),
    );
    const first = await handler.execute(command);
    expect(await handler.execute(command)).toEqual(first);
  });
});
