export {
  BUDGET_LINE_EVENT_TYPES,
  BudgetEvent,
  budgetLineStream,
  CALL_EVENT_TYPES,
  callStream,
  FUNDED_PROJECT_EVENT_TYPES,
  fundedProjectStream,
} from './domain/budget.events';
export { BUDGET_ENTITIES } from './persistence/budget.entities';
export {
  BUDGET_CALLS_PROJECTION,
  BUDGET_LINES_PROJECTION,
  BudgetCallsProjection,
  BudgetLinesProjection,
  FUNDED_PROJECTS_PROJECTION,
  FundedProjectsProjection,
} from './projections/budget.projections';
export { BudgetModule } from './budget.module';
export { CreateBudgetLineCommand } from './commands/create-budget-line/create-budget-line.command';
export { CreateCallCommand } from './commands/create-call/create-call.command';
export { FundProjectCommand } from './commands/fund-project/fund-project.command';
export { SetBudgetLinePublicationCommand } from './commands/set-budget-line-publication/set-budget-line-publication.command';
