import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from '@rl/kernel';
import { AppConfig } from './app-config';

// What the process runs with: its configuration and its clock (the one place `systemClock` is provided;
// a test may override CLOCK with a fixedClock).
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [AppConfig, CLOCK],
    };
  }
}
