import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { InjectRedis, redisRateLimiter } from '@rl/queue';
import { ApiErrors, Public } from '@rl/web';
import { QueuedRunView } from './collection.view';
import { CollectionErrors as E } from './domain/collection.errors';
import { pushTokenCity, pushTokenHash } from './domain/push-token';
import { CollectionStore } from './persistence/collection.store';
import { CollectionWakeups } from './pulls/collection-wakeups';

const MAX_PUSH_BYTES = 256 * 1024;
const PUSHES_PER_MINUTE = 120;
// A token that names no city is looked up under this one, so it costs what a real lookup costs.
const NO_CITY = '00000000-0000-0000-0000-000000000000';

// KoboToolbox REST Services post each new (or edited) submission here. The secret URL is the only
// credential; the push is stored and answered at once, a job ingests it, and pulls reconcile what a push
// missed.
@ApiTags('collection')
@Controller('v1/collection-push')
export class CollectionPushController {
  private readonly limiter: RateLimiterRedis;

  constructor(
    private readonly store: CollectionStore,
    private readonly wakeups: CollectionWakeups,
    config: AppConfig,
    @InjectRedis() redis: Redis,
  ) {
    const prefix = `${config.redis.queuePrefix}:throttle`;
    this.limiter = redisRateLimiter(redis, {
      prefix,
      name: 'collection-push',
      points: PUSHES_PER_MINUTE,
      durationSeconds: 60,
    });
  }

  @Post(':token')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Extra: a KoboToolbox REST Service push to a connection's secret URL (no bearer); queued at once",
  })
  @ApiParam({ name: 'token', description: 'The secret of the pushUrl given when the connection was made' })
  @ApiBody({
    schema: { type: 'object', additionalProperties: true, description: 'One Kobo submission (JSON)' },
  })
  @ApiAcceptedResponse({ type: QueuedRunView })
  @ApiErrors(E.UNKNOWN_PUSH_URL, E.INVALID_PUSH, E.TOO_MANY_PUSHES)
  async push(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() request: Request,
  ): Promise<QueuedRunView> {
    await this.limiter.consume(request.ip ?? 'unknown').catch((error: unknown) => {
      throw error instanceof RateLimiterRes ? E.TOO_MANY_PUSHES() : error;
    });
    const cityId = asCityId(pushTokenCity(token) ?? NO_CITY);
    const connectionId = await this.store.pushTarget(cityId, pushTokenHash(token));
    if (!connectionId) throw E.UNKNOWN_PUSH_URL();
    if (
      body === null ||
      typeof body !== 'object' ||
      Array.isArray(body) ||
      JSON.stringify(body).length > MAX_PUSH_BYTES
    )
      throw E.INVALID_PUSH({
        errors: [{ field: 'body', message: 'must be one JSON object of at most 256 KiB' }],
      });
    const runId = uuidv7();
    await this.store.addRun(cityId, { id: runId, connectionId, trigger: 'push', payload: body });
    await this.wakeups.wake(cityId, connectionId);
    return { runId };
  }
}
