import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@rl/audit';
import { CommentsModule } from '@rl/comments';
import { ComparisonsModule } from '@rl/comparisons';
import { NotificationsModule } from '@rl/notifications';
import { AppConfig } from '@rl/config';
import { DatasetsModule } from '@rl/datasets';
import { OpenDataModule } from '@rl/open-data';
import { GlossaryModule } from '@rl/glossary';
import { IdentityModule } from '@rl/identity';
import { IndicatorsModule } from '@rl/indicators';
import { OperationsModule } from '@rl/observability';
import { BaseModule } from '@rl/runtime';
import { ReportingModule } from '@rl/reporting';
import { ResourcesModule } from '@rl/resources';
import { StakeholdersModule } from '@rl/stakeholders';
import { TenancyModule } from '@rl/tenancy';
import { TimelineModule } from '@rl/timeline';
import { WebModule } from '@rl/web';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        BaseModule.forRoot(config),
        WebModule,
        OperationsModule,
        TenancyModule,
        IdentityModule,
        StakeholdersModule,
        IndicatorsModule,
        ReportingModule,
        AuditModule,
        CommentsModule,
        NotificationsModule,
        ComparisonsModule,
        GlossaryModule,
        TimelineModule,
        ResourcesModule,
        DatasetsModule,
        OpenDataModule,
      ],
    };
  }
}
