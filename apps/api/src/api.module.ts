import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@rl/audit';
import { CatalogModule } from '@rl/catalog';
import { CollectionModule } from '@rl/collection';
import { CommentsModule } from '@rl/comments';
import { ComparisonsModule } from '@rl/comparisons';
import { NotificationsModule } from '@rl/notifications';
import { AppConfig } from '@rl/config';
import { DatasetsModule } from '@rl/datasets';
import { BudgetModule } from '@rl/budget';
import { EmbedModule } from '@rl/embed';
import { PublicPagesModule } from '@rl/public-pages';
import { FormsModule } from '@rl/forms';
import { OpenDataModule } from '@rl/open-data';
import { GlossaryModule } from '@rl/glossary';
import { IdentityModule } from '@rl/identity';
import { IndicatorsModule } from '@rl/indicators';
import { MandatesModule } from '@rl/mandates';
import { MeetingsModule } from '@rl/meetings';
import { OperationsModule } from '@rl/observability';
import { BaseModule } from '@rl/runtime';
import { ReportingModule } from '@rl/reporting';
import { ReportsModule } from '@rl/reports';
import { ResourcesModule } from '@rl/resources';
import { StakeholdersModule } from '@rl/stakeholders';
import { TasksModule } from '@rl/tasks';
import { TenancyModule } from '@rl/tenancy';
import { TimelineModule } from '@rl/timeline';
import { PublicSurfaceModule, WebModule } from '@rl/web';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        BaseModule.forRoot(config),
        WebModule,
        PublicSurfaceModule,
        OperationsModule,
        TenancyModule,
        IdentityModule,
        StakeholdersModule,
        MandatesModule,
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
        BudgetModule,
        MeetingsModule,
        TasksModule,
        CatalogModule,
        OpenDataModule,
        EmbedModule,
        PublicPagesModule,
        FormsModule,
        CollectionModule,
        ReportsModule,
      ],
    };
  }
}
