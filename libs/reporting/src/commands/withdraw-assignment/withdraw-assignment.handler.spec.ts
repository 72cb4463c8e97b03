import { commandMetadata } from '@rl/web/testing';
import { InMemoryReportingLedger } from '../../testing';
import { assignmentId, ghent, indicatorId, organisationId, periodId } from '../../testing/reporting-fixtures';
import { WithdrawAssignmentCommand } from './withdraw-assignment.command';
import { WithdrawAssignmentHandler } from './withdraw-assignment.handler';

const key = { assignmentId, indicatorId, organisationId, periodId };
const withdraw = (id = assignmentId) => new WithdrawAssignmentCommand(ghent, id, commandMetadata());

const setUp = () => {
  const ledger = new InMemoryReportingLedger().assign(ghent, key);
  ledger.aggregates.given(ghent, `assignment-${assignmentId}`, [{ type: 'AssignmentCreated', data: key }]);
  return { ledger, handler: new WithdrawAssignmentHandler(ledger) };
};

describe('WithdrawAssignmentHandler', () => {
  it('withdraws the assignment and frees its triple', async () => {
    const { ledger, handler } = setUp();
    expect(await handler.execute(withdraw())).toEqual({ version: 2, position: 2 });
    expect(ledger.aggregates.eventsOf(ghent, `assignment-${assignmentId}`)[1]).toEqual({
      type: 'AssignmentWithdrawn',
      data: key,
    });
    expect(ledger.assignments.size).toBe(0);
  });

  it('refuses to withdraw twice, and an assignment that does not exist', async () => {
    const { handler } = setUp();
    await handler.execute(withdraw());
    await expect(handler.execute(withdraw())).rejects.toMatchObject({ code: 'ASSIGNMENT.ALREADY_WITHDRAWN' });
    await expect(handler.execute(withdraw('0192f0aa-0000-7000-8000-0000000000ff'))).rejects.toMatchObject({
      code: 'ASSIGNMENT.NOT_FOUND',
    });
  });
});
