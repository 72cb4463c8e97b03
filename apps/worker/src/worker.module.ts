import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@rl/audit';
import { CollectionModule } from '@rl/collection';
import { CommentsModule } from '@rl/comments';
import { ComparisonsModule } from '@rl/comparisons';
import { NotificationsModule } from '@rl/notifications';
import { AppConfig } from '@rl/config';
import { DatasetsModule } from '@rl/datasets';
import { BudgetModule } from '@rl/budget';
import { OpenDataModule } from '@rl/open-data';
import { GlossaryModule } from '@rl/glossary';
import { IdentityModule } from '@rl/identity';
import { IndicatorsModule } from '@rl/indicators';
import { MandatesModule } from '@rl/mandates';
import { MeetingsModule } from '@rl/meetings';
import { JobDispatcher } from '@rl/queue';
import { BaseModule } from '@rl/runtime';
import { ReportingModule } from '@rl/reporting';
import { ReportsModule } from '@rl/reports';
import { ResourcesModule } from '@rl/resources';
import { StakeholdersModule } from '@rl/stakeholders';
import { TasksModule } from '@rl/tasks';
import { TenancyModule } from '@rl/tenancy';
import { ComparisonsProcessor } from './processors/comparisons.processor';
import { ExportsProcessor } from './processors/exports.processor';
import { ImportsProcessor } from './processors/imports.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { NotificationsProcessor, RemindersProcessor } from './processors/notifications.processor';
import { ProjectionsProcessor } from './processors/projections.processor';
import { Schedules } from './schedules';

// The bounded contexts whose job handlers and projections the worker runs.
const CONTEXTS = [
  TenancyModule,
  IdentityModule,
  StakeholdersModule,
  MandatesModule,
  ReportingModule,
  IndicatorsModule,
  CommentsModule,
  NotificationsModule,
  ComparisonsModule,
  GlossaryModule,
  ResourcesModule,
  DatasetsModule,
  BudgetModule,
  MeetingsModule,
  TasksModule,
  OpenDataModule,
  AuditModule,
  CollectionModule,
  ReportsModule,
];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [BaseModule.forRoot(config), DiscoveryModule, ...CONTEXTS],
      providers: [
        JobDispatcher,
        MaintenanceProcessor,
        ProjectionsProcessor,
        RemindersProcessor,
        NotificationsProcessor,
        ComparisonsProcessor,
        ImportsProcessor,
        ExportsProcessor,
        Schedules,
      ],
    };
  }
}

// The same projections without processors or timers: for tools such as the rebuild command, which must
// not start consuming jobs.
@Module({})
export class ProjectionToolsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ProjectionToolsModule, imports: [BaseModule.forRoot(config), ...CONTEXTS] };
  }
}
