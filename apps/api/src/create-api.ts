import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@rl/config';
import { OperatorGate } from '@rl/identity';
import { mountQueueDashboard } from '@rl/queue';
import { setupOpenApi } from '@rl/web';
import { ApiModule } from './api.module';

export const JSON_BODY_LIMIT = '1mb';

// Builds and initialises the HTTP application without listening: used by main, the quick start and e2e tests.
export async function createApi(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Whose X-Forwarded-For names the client (throttles, logs); a forged one must not buy a fresh budget.
  app.set('trust proxy', config.http.trustProxy);
  // The Swagger UI needs inline scripts and styles; everything else gets helmet's defaults.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"] } } }));
  setupOpenApi(app);
  mountQueueDashboard(app, app.get(OperatorGate).middleware());
  return app.init();
}
