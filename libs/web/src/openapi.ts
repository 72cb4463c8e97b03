import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

// The scraper's METRICS_TOKEN, not a user's access token.
export const METRICS_TOKEN_SCHEME = 'metricsToken';

export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rights Ledger API')
      .setDescription(
        'Event-sourced, multi-tenant backend for local human-rights monitoring. Errors are ' +
          'application/problem+json with `status`, a stable `code`, `detail` and `errors[]` naming each bad field.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' }, METRICS_TOKEN_SCHEME)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
