import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AccessRule } from './access.decorators';
import { routeAccessOf } from './route-access';

// The scraper's METRICS_TOKEN, not a user's access token.
export const METRICS_TOKEN_SCHEME = 'metricsToken';
const BEARER_SCHEME = 'bearer';

type SecurityRequirement = Record<string, string[]>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const operationId = (controller: string, handler: string) => `${controller}_${handler}`;

// Every operation declares its security from its route's access rule, so no controller repeats it;
// a route that names its own scheme (the metrics scraper's token) keeps it.
// A route open to anonymous callers too lists the empty requirement beside the bearer (OpenAPI: optional).
const securityOf = (rule: AccessRule): SecurityRequirement[] =>
  rule.kind === 'public'
    ? []
    : rule.kind === 'city' && rule.anonymous
      ? [{ [BEARER_SCHEME]: [] }, {}]
      : [{ [BEARER_SCHEME]: [] }];

function declareSecurity(app: INestApplication, document: OpenAPIObject): void {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) =>
    [...module.controllers.values()].map(({ metatype }) => metatype as Type),
  );
  const rules = new Map(
    routeAccessOf(controllers).map(({ controller, handler, rule }) => [
      operationId(controller, handler),
      rule,
    ]),
  );
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (!operation || operation.security) continue;
      const rule = rules.get(operation.operationId ?? '');
      if (!rule) throw new Error(`No access rule for OpenAPI operation ${operation.operationId}`);
      operation.security = securityOf(rule);
    }
  }
}

// The document served at /docs-json; `npm run lint:openapi` builds it without a server.
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rights Ledger API')
      .setDescription(
        'Event-sourced, multi-tenant backend for local human-rights monitoring. Errors are ' +
          'application/problem+json with `status`, a stable `code`, `detail` and `errors[]` naming each bad field.',
      )
      .setVersion('1')
      .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
      .addServer('/')
      .addBearerAuth(undefined, BEARER_SCHEME)
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' }, METRICS_TOKEN_SCHEME)
      .build(),
    { operationIdFactory: operationId },
  );
  declareSecurity(app, document);
  return document;
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
