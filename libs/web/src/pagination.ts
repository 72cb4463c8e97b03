import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  NestInterceptor,
  Type as Class,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { Page, PageRequest } from '@rl/kernel';
import { MinPositionDto } from './event-sourced-contract';

export const PAGE_LIMIT = { default: 100, max: 1000 } as const;

// `limit` and `after` of every list that can grow; lists combine it with their filters.
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT.max, default: PAGE_LIMIT.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT.max)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Opaque cursor: take it from the `Link: <…>; rel="next"` header of the previous page',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,2000}$/, { message: 'after must be a cursor from a Link rel="next" header' })
  after?: string;
}

// A page of a read model, read after the caller's own write.
export class PagedReadDto extends IntersectionType(PageQueryDto, MinPositionDto) {}

export const pageRequest = (query: PageQueryDto): PageRequest => ({
  limit: query.limit ?? PAGE_LIMIT.default,
  ...(query.after !== undefined && { after: query.after }),
});

// The same request with `after` set to the next cursor, relative to this server (RFC 8288 allows it).
function nextLink(originalUrl: string, next: string, cursorParam = 'after'): string {
  const url = new URL(originalUrl, 'http://localhost');
  url.searchParams.set(cursorParam, next);
  return `<${url.pathname}${url.search}>; rel="next"`;
}

// Lists whose documented answer is an array: the handler returns a Page, the client gets its items and
// the next page's URL in a Link header. One instance per route (see ApiPage), not a provider.
class PageLinkInterceptor implements NestInterceptor {
  constructor(private readonly cursorParam: string) {}

  intercept(context: ExecutionContext, next: CallHandler<Page<unknown>>): Observable<unknown[]> {
    const http = context.switchToHttp();
    return next.handle().pipe(
      map((page) => {
        if (page.next !== null) {
          const request = http.getRequest<Request>();
          http
            .getResponse<Response>()
            .setHeader('Link', nextLink(request.originalUrl, page.next, this.cursorParam));
        }
        return page.items;
      }),
    );
  }
}

// `cursorParam`: the query parameter the next link sets (`after`, or a list's own older name).
export const ApiPage = (item: Class<unknown>, description?: string, cursorParam = 'after') =>
  applyDecorators(
    UseInterceptors(new PageLinkInterceptor(cursorParam)),
    ApiOkResponse({
      type: [item],
      description: `${description ? `${description}. ` : ''}At most \`limit\` items; more follow when the Link header has rel="next"`,
      headers: {
        Link: {
          description: '`<url>; rel="next"` when another page follows (RFC 8288)',
          schema: { type: 'string' },
        },
      },
    }),
    ApiBadRequestResponse({
      description: `REQUEST.INVALID (limit), REQUEST.INVALID_CURSOR (${cursorParam})`,
    }),
  );
