import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetLinesController } from './budget-lines.controller';
import { CallsController } from './calls.controller';
import { CreateBudgetLineHandler } from './commands/create-budget-line/create-budget-line.handler';
import { CreateCallHandler } from './commands/create-call/create-call.handler';
import { FundProjectHandler } from './commands/fund-project/fund-project.handler';
import { ReportContributionsHandler } from './commands/report-contributions/report-contributions.handler';
import { ReviseBudgetLineHandler } from './commands/revise-budget-line/revise-budget-line.handler';
import { SetBudgetLinePublicationHandler } from './commands/set-budget-line-publication/set-budget-line-publication.handler';
import { BudgetLedger, PgBudgetLedger } from './persistence/budget-ledger';
import { BUDGET_ENTITIES } from './persistence/budget.entities';
import { BudgetReadModel, PgBudgetReadModel } from './persistence/budget.repository';
import { PgPublishedBudgets, PublishedBudgets } from './persistence/published-budgets.repository';
import {
  BudgetCallsProjection,
  BudgetLinesProjection,
  FundedProjectsProjection,
} from './projections/budget.projections';
import { PublicBudgetController } from './public-budget.controller';
import { GetBudgetLineHandler } from './queries/get-budget-line/get-budget-line.handler';
import { GetCallHandler } from './queries/get-call/get-call.handler';
import { IndicatorFundedProjectsHandler } from './queries/indicator-funded-projects/indicator-funded-projects.handler';
import { ListBudgetLinesHandler } from './queries/list-budget-lines/list-budget-lines.handler';
import { ListCallsHandler } from './queries/list-calls/list-calls.handler';
import { PublicBudgetHandler } from './queries/public-budget/public-budget.handler';

@Module({
  imports: [TypeOrmModule.forFeature(BUDGET_ENTITIES)],
  controllers: [BudgetLinesController, CallsController, PublicBudgetController],
  providers: [
    { provide: BudgetLedger, useClass: PgBudgetLedger },
    { provide: BudgetReadModel, useClass: PgBudgetReadModel },
    { provide: PublishedBudgets, useClass: PgPublishedBudgets },
    BudgetLinesProjection,
    BudgetCallsProjection,
    FundedProjectsProjection,
    CreateBudgetLineHandler,
    ReviseBudgetLineHandler,
    SetBudgetLinePublicationHandler,
    CreateCallHandler,
    FundProjectHandler,
    ReportContributionsHandler,
    ListBudgetLinesHandler,
    GetBudgetLineHandler,
    ListCallsHandler,
    GetCallHandler,
    IndicatorFundedProjectsHandler,
    PublicBudgetHandler,
  ],
})
export class BudgetModule {}
