import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@rl/config';
import { dataSourceOptions } from './data-source-options';
import { TenantDb } from './tenant-db';

// The application's database access: the non-owner login, subject to row-level security.
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config, 'app'),
            autoLoadEntities: true,
          }),
        }),
      ],
      providers: [TenantDb],
      exports: [TenantDb],
    };
  }
}
