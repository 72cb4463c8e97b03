import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { mandateStream } from '../../domain/mandate.events';
import { granted, MANDATE_IDS as ids } from '../../domain/testing/mandate-factories';
import { InMemoryMandateReferences } from '../../testing/in-memory-mandate-references';
import { RevokeMandateCommand } from '../revoke-mandate/revoke-mandate.command';
import { RevokeMandateHandler } from '../revoke-mandate/revoke-mandate.handler';
import { AmendMandateCommand } from './amend-mandate.command';
import { AmendMandateDto } from './amend-mandate.dto';
import { AmendMandateHandler } from './amend-mandate.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = mandateStream(ids.mandate);

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [granted()]);
  const references = new InMemoryMandateReferences();
  return {
    aggregates,
    amend: new AmendMandateHandler(aggregates, references),
    revoke: new RevokeMandateHandler(aggregates),
  };
};
const amendment = (
  expectedVersion: number,
  changes: AmendMandateDto,
  organisationId: string = ids.organisation,
) => new AmendMandateCommand(ghent, organisationId, ids.mandate, expectedVersion, changes, commandMetadata());

describe('AmendMandateHandler and RevokeMandateHandler', () => {
  it('extends the mandate at the version the client saw', async () => {
    const { aggregates, amend } = setUp();
    expect(await amend.execute(amendment(1, { validUntil: '2026-06-30' }))).toEqual({
      version: 2,
      position: 2,
    });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'MandateValidityChanged',
      data: { mandateId: ids.mandate, validFrom: '2025-01-01', validUntil: '2026-06-30' },
    });
  });

  it('refuses a stale If-Match with the current version', async () => {
    const { amend } = setUp();
    await expect(amend.execute(amendment(3, { validUntil: null }))).rejects.toMatchObject({
      code: 'MANDATE.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });

  it('refuses a new scope naming an indicator the city does not have', async () => {
    const { amend } = setUp();
    await expect(amend.execute(amendment(1, { scope: { indicators: [ids.holder] } }))).rejects.toMatchObject({
      code: 'MANDATE.UNKNOWN_INDICATOR',
    });
  });

  it("says not found through another organisation's route", async () => {
    const { amend } = setUp();
    await expect(
      amend.execute(amendment(1, { validUntil: null }, ids.otherOrganisation)),
    ).rejects.toMatchObject({ code: 'MANDATE.NOT_FOUND' });
  });

  it('revokes with the reason, and then refuses to amend', async () => {
    const { aggregates, amend, revoke } = setUp();
    const command = new RevokeMandateCommand(
      ghent,
      ids.organisation,
      ids.mandate,
      1,
      'Left',
      commandMetadata(),
    );
    expect(await revoke.execute(command)).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'MandateRevoked',
      data: { mandateId: ids.mandate, reason: 'Left' },
    });
    await expect(amend.execute(amendment(2, { validUntil: null }))).rejects.toMatchObject({
      code: 'MANDATE.REVOKED',
    });
  });
});
