import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, Observable, of } from 'rxjs';
import { AppConfig } from '@rl/config';
import { combineStamps, licenceLink, ReadStamp, weakEtag } from './public-surface';
import { PUBLIC_READ, PublicReadOptions, ReadStamps } from './read-stamps';

// Conditional reads of a @PublicRead route: the tag costs one checkpoint query, so an unchanged answer
// is a 304 without running the handler. The tag goes out with successful answers only (a 4xx must not
// teach a client a tag that later turns its request into a 304).
@Injectable()
export class PublicReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly stamps: ReadStamps,
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const options = this.reflector.get<PublicReadOptions>(PUBLIC_READ, context.getHandler());
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    res.setHeader('Link', licenceLink(this.config.publicReads.licenceUrl));
    const stamp = options.projections.length > 0 ? await this.stampOf(options, req) : null;
    if (stamp === null) return next.handle();

    res.vary('Accept');
    const headers = (): void => {
      res.setHeader('ETag', weakEtag(req.originalUrl, req.headers.accept, stamp));
      if (stamp.modifiedAt) res.setHeader('Last-Modified', stamp.modifiedAt.toUTCString());
    };
    headers();
    // Express's freshness check (If-None-Match, else If-Modified-Since); its send answers 304 bodiless.
    if (req.fresh) return of(undefined);
    res.removeHeader('ETag');
    res.removeHeader('Last-Modified');
    return next.handle().pipe(
      map((body: unknown) => {
        headers();
        return body;
      }),
    );
  }

  private async stampOf(options: PublicReadOptions, req: Request): Promise<ReadStamp | null> {
    const city = req.params.city;
    const scope = options.cities === 'all' || typeof city !== 'string' ? 'all' : { city };
    const projections = await this.stamps.of(scope, options.projections);
    if (projections === null || !options.also) return projections;
    const extra = await this.moduleRef.get(options.also, { strict: false }).of(req);
    return combineStamps([projections, extra]);
  }
}
