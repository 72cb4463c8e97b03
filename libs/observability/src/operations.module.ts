import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { HttpMetricsMiddleware, Metrics } from './metrics';
import { MetricsTokenGuard } from './metrics-token.guard';
import { OperationsController } from './operations.controller';

@Module({
  controllers: [OperationsController],
  providers: [Metrics, MetricsTokenGuard],
  exports: [Metrics],
})
export class OperationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
