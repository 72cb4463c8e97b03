import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '@rl/config';
import { IdentityModule } from '@rl/identity';
import { JobDispatcher } from '@rl/queue';
import { BaseModule } from '@rl/runtime';
import { StakeholdersModule } from '@rl/stakeholders';
import { TenancyModule } from '@rl/tenancy';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { ProjectionsProcessor } from './processors/projections.processor';
import { Schedules } from './schedules';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        BaseModule.forRoot(config),
        DiscoveryModule,
        TenancyModule,
        IdentityModule,
        StakeholdersModule,
      ],
      providers: [JobDispatcher, MaintenanceProcessor, ProjectionsProcessor, Schedules],
    };
  }
}
