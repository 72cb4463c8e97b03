import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { ClsModule, ClsServiceManager } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@rl/config';
import { safeError, safeRequest } from './log-serializers';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

// Honours a caller's X-Request-Id when it is safe to log, otherwise makes one; echoed on the response.
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

// City and user are known only after the access guard ran; reading them per log line from the
// request's CLS context puts them on every line logged after that.
function requestContext(): Record<string, unknown> {
  const cls = ClsServiceManager.getClsService();
  if (!cls.isActive()) return {};
  const city = cls.get<string | undefined>('city');
  const userId = cls.get<string | undefined>('userId');
  return { ...(city && { city }), ...(userId && { userId }) };
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: requestId,
          mixin: requestContext,
          redact: [
            'req.headers.authorization',
            'req.headers["proxy-authorization"]',
            'req.headers["x-api-key"]',
            'req.headers.cookie',
            'res.headers["set-cookie"]',
          ],
          // pino-http applies these after its standard serializers.
          serializers: {
            req: (req: { url?: string; remoteAddress?: string; raw?: { ip?: string } }) => {
              // The client's address as TRUST_PROXY defines it, the same one the throttles count.
              req.remoteAddress = req.raw?.ip ?? req.remoteAddress;
              return safeRequest(req);
            },
            err: safeError,
          },
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
        },
      }),
    }),
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        generateId: true,
        idGenerator: (req: { id?: string }) => req.id ?? randomUUID(),
      },
    }),
  ],
})
export class LoggingModule {}
