import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { NulCharactersMiddleware } from './nul-characters.middleware';
import { ProblemFilter } from './problem.filter';
import { RouteAccessAuditor } from './route-access.auditor';
import { createValidationPipe } from './validation';

@Module({
  imports: [DiscoveryModule],
  providers: [
    RouteAccessAuditor,
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(NulCharactersMiddleware).forRoutes('*path');
  }
}
