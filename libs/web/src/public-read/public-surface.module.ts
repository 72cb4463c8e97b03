import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { PublicSurfaceMiddleware } from './public-surface.middleware';

// CORS, embedding and the throttle of the public paths; apart from WebModule because it needs the
// configuration and Redis of the API process.
@Module({})
export class PublicSurfaceModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicSurfaceMiddleware).forRoutes('*path');
  }
}
