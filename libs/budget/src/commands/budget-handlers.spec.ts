import { commandMetadata } from '@rl/web/testing';
import { budgetLineStream, callStream, fundedProjectStream } from '../domain/budget.events';
import { ghent, ghentLedger, ind1, ind2, lineInput, organisationId, padua } from '../testing/budget-fixtures';
import { CreateBudgetLineCommand } from './create-budget-line/create-budget-line.command';
import { CreateBudgetLineHandler } from './create-budget-line/create-budget-line.handler';
import { CreateCallCommand } from './create-call/create-call.command';
import { CreateCallHandler } from './create-call/create-call.handler';
import { FundProjectCommand } from './fund-project/fund-project.command';
import { FundProjectHandler } from './fund-project/fund-project.handler';
import { ReportContributionsCommand } from './report-contributions/report-contributions.command';
import { ReportContributionsHandler } from './report-contributions/report-contributions.handler';
import { SetBudgetLinePublicationCommand } from './set-budget-line-publication/set-budget-line-publication.command';
import { SetBudgetLinePublicationHandler } from './set-budget-line-publication/set-budget-line-publication.handler';

const callInput = (budgetLineId: string) => ({
  title: 'Neighbourhood projects',
  budgetLineId,
  opens: '2025-03-01T00:00:00Z',
  closes: '2025-04-30T00:00:00Z',
  criteria: [{ indicatorId: ind1, description: 'Contribution to A', weight: 60 }],
});
const projectInput = (value: number) => ({
  organisationId,
  title: 'Homework clubs',
  amount: { value, currency: 'EUR' },
  contributions: [{ indicatorId: ind2, expected: '40 pupils' }],
});

async function setUp() {
  const ledger = ghentLedger();
  const line = await new CreateBudgetLineHandler(ledger).execute(
    new CreateBudgetLineCommand(ghent, lineInput(), commandMetadata()),
  );
  const call = await new CreateCallHandler(ledger).execute(
    new CreateCallCommand(ghent, callInput(line.id), commandMetadata()),
  );
  return { ledger, line, call, fund: new FundProjectHandler(ledger) };
}

describe('CreateBudgetLineHandler', () => {
  it('records the line and holds its code for the year, whatever the case', async () => {
    const ledger = ghentLedger();
    const handler = new CreateBudgetLineHandler(ledger);
    const line = await handler.execute(new CreateBudgetLineCommand(ghent, lineInput(), commandMetadata()));
    expect(ledger.aggregates.eventsOf(ghent, budgetLineStream(line.id))).toMatchObject([
      { type: 'BudgetLineCreated', data: { lineId: line.id, code: 'SOC-1' } },
    ]);
    await expect(
      handler.execute(new CreateBudgetLineCommand(ghent, lineInput({ code: 'soc-1 ' }), commandMetadata())),
    ).rejects.toMatchObject({ code: 'BUDGET.CODE_TAKEN', errors: [{ field: 'code' }] });
    await handler.execute(new CreateBudgetLineCommand(ghent, lineInput({ year: 2026 }), commandMetadata()));
  });

  it("refuses another city's indicators, naming each entry", async () => {
    const handler = new CreateBudgetLineHandler(ghentLedger());
    await expect(
      handler.execute(new CreateBudgetLineCommand(padua, lineInput(), commandMetadata())),
    ).rejects.toMatchObject({
      code: 'BUDGET.UNKNOWN_INDICATOR',
      errors: [{ field: 'indicators[0]' }, { field: 'indicators[1]' }],
    });
  });

  it('answers a retry under the same idempotency key with the first line', async () => {
    const handler = new CreateBudgetLineHandler(ghentLedger());
    const command = new CreateBudgetLineCommand(ghent, lineInput(), commandMetadata({ idempotencyKey: 'k' }));
    const first = await handler.execute(command);
    expect(await handler.execute(command)).toEqual(first);
  });
});

describe('CreateCallHandler', () => {
  it('records the call on its stream and on its line', async () => {
    const { ledger, line, call } = await setUp();
    expect(ledger.aggregates.eventsOf(ghent, callStream(call.id))).toMatchObject([
      { type: 'CallForProposalsCreated', data: { budgetLineId: line.id } },
    ]);
    expect(ledger.aggregates.eventsOf(ghent, budgetLineStream(line.id))[1]).toEqual({
      type: 'BudgetLineCallAttached',
      data: { lineId: line.id, callId: call.id },
    });
  });

  it('refuses a line the city does not have, naming budgetLineId', async () => {
    const { line } = await setUp();
    await expect(
      new CreateCallHandler(ghentLedger()).execute(
        new CreateCallCommand(ghent, callInput(line.id), commandMetadata()),
      ),
    ).rejects.toMatchObject({ code: 'BUDGET.UNKNOWN_LINE', errors: [{ field: 'budgetLineId' }] });
  });

  it("refuses the call's own faults before touching the line", async () => {
    const { ledger, line } = await setUp();
    const backwards = { ...callInput(line.id), closes: '2025-01-01T00:00:00Z' };
    await expect(
      new CreateCallHandler(ledger).execute(new CreateCallCommand(ghent, backwards, commandMetadata())),
    ).rejects.toMatchObject({ code: 'BUDGET.CLOSES_BEFORE_OPENS' });
    expect(ledger.aggregates.eventsOf(ghent, budgetLineStream(line.id))).toHaveLength(2);
  });
});

describe('FundProjectHandler', () => {
  it("takes the project's amount from the line, and refuses what exceeds it", async () => {
    const { ledger, line, call, fund } = await setUp();
    const project = await fund.execute(
      new FundProjectCommand(ghent, call.id, projectInput(700), commandMetadata()),
    );
    expect(ledger.aggregates.eventsOf(ghent, fundedProjectStream(project.id))).toMatchObject([
      { type: 'ProjectFunded', data: { callId: call.id, budgetLineId: line.id, organisationId } },
    ]);
    await expect(
      fund.execute(new FundProjectCommand(ghent, call.id, projectInput(300.01), commandMetadata())),
    ).rejects.toMatchObject({ code: 'BUDGET.OVER_BUDGET', details: { left: 300 } });
  });

  it('refuses an unknown call and an organisation of another city', async () => {
    const { call, fund } = await setUp();
    await expect(
      fund.execute(new FundProjectCommand(ghent, organisationId, projectInput(1), commandMetadata())),
    ).rejects.toMatchObject({ code: 'BUDGET.CALL_NOT_FOUND' });
    const stranger = { ...projectInput(1), organisationId: ind1 };
    await expect(
      fund.execute(new FundProjectCommand(ghent, call.id, stranger, commandMetadata())),
    ).rejects.toMatchObject({ code: 'BUDGET.UNKNOWN_ORGANISATION', errors: [{ field: 'organisationId' }] });
  });
});

describe('ReportContributionsHandler and SetBudgetLinePublicationHandler', () => {
  it('reports contributions at the version the client saw, only under the project’s own call', async () => {
    const { ledger, line, call, fund } = await setUp();
    const project = await fund.execute(
      new FundProjectCommand(ghent, call.id, projectInput(1), commandMetadata()),
    );
    const report = new ReportContributionsHandler(ledger);
    const input = { contributions: [{ indicatorId: ind2, reported: '35 pupils' }] };
    await expect(
      report.execute(new ReportContributionsCommand(ghent, line.id, project.id, 1, input, commandMetadata())),
    ).rejects.toMatchObject({ code: 'BUDGET.PROJECT_NOT_FOUND' });
    await expect(
      report.execute(new ReportContributionsCommand(ghent, call.id, project.id, 3, input, commandMetadata())),
    ).rejects.toMatchObject({ code: 'FUNDED_PROJECT.VERSION_CONFLICT' });
    expect(
      await report.execute(
        new ReportContributionsCommand(ghent, call.id, project.id, 1, input, commandMetadata()),
      ),
    ).toMatchObject({ version: 2 });
  });

  it('writes the publication flag with its event', async () => {
    const { ledger, line } = await setUp();
    await new SetBudgetLinePublicationHandler(ledger).execute(
      new SetBudgetLinePublicationCommand(ghent, line.id, true, commandMetadata()),
    );
    expect(ledger.published.get(`${ghent}:${line.id}`)).toBe(true);
    expect(ledger.aggregates.eventsOf(ghent, budgetLineStream(line.id)).at(-1)).toEqual({
      type: 'BudgetLinePublicationChanged',
      data: { lineId: line.id, public: true },
    });
  });
});
