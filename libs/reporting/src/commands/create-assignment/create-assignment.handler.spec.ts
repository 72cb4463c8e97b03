import { commandMetadata } from '@rl/web/testing';
import { InMemoryReportingLedger } from '../../testing';
import {
  ghent,
  indicatorId,
  organisationId,
  periodDefined,
  periodId,
} from '../../testing/reporting-fixtures';
import { CreateAssignmentCommand } from './create-assignment.command';
import { CreateAssignmentHandler } from './create-assignment.handler';

const assign = (input = { indicatorId, organisationId, periodId }) =>
  new CreateAssignmentCommand(ghent, input, commandMetadata());

// A city with the indicator, the organisation and the period the assignment names.
export const cityWithReferences = () => {
  const ledger = new InMemoryReportingLedger();
  ledger.aggregates
    .given(ghent, `indicator-${indicatorId}`, [{ type: 'IndicatorDefined', data: {} }])
    .given(ghent, `organisation-${organisationId}`, [{ type: 'OrganisationRegistered', data: {} }])
    .given(ghent, `period-${periodId}`, [periodDefined]);
  return ledger;
};

describe('CreateAssignmentHandler', () => {
  it('assigns the indicator to the organisation for the period, reserving the triple', async () => {
    const ledger = cityWithReferences();
    const view = await new CreateAssignmentHandler(ledger).execute(assign());
    expect(view.version).toBe(1);
    expect(ledger.aggregates.eventsOf(ghent, `assignment-${view.id}`)).toEqual([
      { type: 'AssignmentCreated', data: { assignmentId: view.id, indicatorId, organisationId, periodId } },
    ]);
  });

  it('refuses the same triple twice', async () => {
    const handler = new CreateAssignmentHandler(cityWithReferences());
    await handler.execute(assign());
    await expect(handler.execute(assign())).rejects.toMatchObject({ code: 'ASSIGNMENT.ALREADY_EXISTS' });
  });

  it('refuses a reference the city does not have, naming the field', async () => {
    const handler = new CreateAssignmentHandler(cityWithReferences());
    const other = '0192f0aa-0000-7000-8000-0000000000ff';
    await expect(
      handler.execute(assign({ indicatorId, organisationId, periodId: other })),
    ).rejects.toMatchObject({
      code: 'ASSIGNMENT.UNKNOWN_PERIOD',
      errors: [{ field: 'periodId', message: 'is not a period of this city' }],
    });
    await expect(
      handler.execute(assign({ indicatorId, organisationId: other, periodId })),
    ).rejects.toMatchObject({ code: 'ASSIGNMENT.UNKNOWN_ORGANISATION' });
    await expect(
      handler.execute(assign({ indicatorId: other, organisationId, periodId })),
    ).rejects.toMatchObject({ code: 'ASSIGNMENT.UNKNOWN_INDICATOR' });
  });
});
