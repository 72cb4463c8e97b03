import { CallHandler, ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { lastValueFrom, Observable, of, throwError } from 'rxjs';
import { AppConfig } from '@rl/config';
import { PublicReadInterceptor } from './public-read.interceptor';
import { PublicReadOptions, ReadStamps, StampScope } from './read-stamps';
import type { ReadStamp } from './public-surface';

const LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

// The type an `also` names; the module reference below hands out the stamp of each test instead.
class JobResultStamp {
  of(): Promise<ReadStamp> {
    return Promise.reject(new Error('not used'));
  }
}

// An Express request and response as far as the interceptor reads them; `fresh` as Express decides it
// for a tag (If-None-Match against the response's ETag).
function exchange(params: Record<string, string>, ifNoneMatch?: string) {
  const headers = new Map<string, string>();
  const res = {
    headers,
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
    vary: (name: string) => headers.set('Vary', name),
  };
  const req = {
    params,
    originalUrl: '/v1/public/cities/ghent/glossary',
    headers: { accept: 'application/json', 'if-none-match': ifNoneMatch },
    get fresh() {
      return ifNoneMatch !== undefined && ifNoneMatch === headers.get('ETag');
    },
  };
  return { req, res };
}

function setUp(options: PublicReadOptions, stamp: ReadStamp | null, extra?: ReadStamp) {
  const asked: StampScope[] = [];
  const stamps: ReadStamps = {
    of: (scope) => {
      asked.push(scope);
      return Promise.resolve(stamp);
    },
  };
  const reflector = { get: () => options } as unknown as Reflector;
  const moduleRef = { get: () => ({ of: () => Promise.resolve(extra) }) } as unknown as ModuleRef;
  const config = { publicReads: { licenceUrl: LICENCE, rateLimitPerMinute: 300 } } as AppConfig;
  const interceptor = new PublicReadInterceptor(reflector, stamps, moduleRef, config);
  const run = async (
    http: ReturnType<typeof exchange>,
    answer: () => Observable<unknown> = () => of({ concepts: [] }),
  ) => {
    let handled = 0;
    const context = {
      getHandler: () => undefined,
      switchToHttp: () => ({ getRequest: () => http.req, getResponse: () => http.res }),
    } as unknown as ExecutionContext;
    const next: CallHandler = {
      handle: () => {
        handled += 1;
        return answer();
      },
    };
    const body = await lastValueFrom(await interceptor.intercept(context, next));
    return { body, handled };
  };
  return { run, asked };
}

describe('PublicReadInterceptor', () => {
  const stamp = { key: 'c1|glossary-terms@7', modifiedAt: new Date('2026-03-01T10:00:00Z') };
  const options = { projections: ['glossary-terms'] };

  it("tags a successful answer with its city's positions, its date and its licence", async () => {
    const { run, asked } = setUp(options, stamp);
    const http = exchange({ city: 'ghent' });
    const { body, handled } = await run(http);
    expect(handled).toBe(1);
    expect(body).toEqual({ concepts: [] });
    expect(asked).toEqual([{ city: 'ghent' }]);
    expect(http.res.headers.get('ETag')).toMatch(/^W\//);
    expect(http.res.headers.get('Last-Modified')).toBe('Sun, 01 Mar 2026 10:00:00 GMT');
    expect(http.res.headers.get('Link')).toBe(`<${LICENCE}>; rel="license"`);
  });

  it('answers a matching If-None-Match without running the handler', async () => {
    const { run } = setUp(options, stamp);
    const first = exchange({ city: 'ghent' });
    await run(first);
    const again = exchange({ city: 'ghent' }, first.res.headers.get('ETag'));
    const { body, handled } = await run(again);
    expect(handled).toBe(0);
    expect(body).toBeUndefined();
    expect(again.res.headers.get('ETag')).toBe(first.res.headers.get('ETag'));
  });

  it('sends no tag with an error', async () => {
    const { run } = setUp(options, stamp);
    const http = exchange({ city: 'ghent' });
    await expect(run(http, () => throwError(() => new Error('bad query')))).rejects.toThrow('bad query');
    expect(http.res.headers.has('ETag')).toBe(false);
    expect(http.res.headers.has('Last-Modified')).toBe(false);
  });

  it('leaves an unknown city to the handler, untagged', async () => {
    const { run } = setUp(options, null);
    const http = exchange({ city: 'atlantis' }, '*');
    const { handled } = await run(http);
    expect(handled).toBe(1);
    expect(http.res.headers.has('ETag')).toBe(false);
  });

  it("reads every city's positions for a cross-city route, and joins the other read model's stamp", async () => {
    const { run, asked } = setUp({ ...options, cities: 'all', also: JobResultStamp }, stamp, {
      key: 'computed@x',
      modifiedAt: null,
    });
    const plain = exchange({});
    await run(plain);
    expect(asked).toEqual(['all']);
    const { run: runOther } = setUp({ ...options, cities: 'all', also: JobResultStamp }, stamp, {
      key: 'computed@y',
      modifiedAt: null,
    });
    const other = exchange({});
    await runOther(other);
    expect(other.res.headers.get('ETag')).not.toBe(plain.res.headers.get('ETag'));
  });

  it('asks no checkpoint for a route that reads no read model (Express tags its body)', async () => {
    const { run, asked } = setUp({ projections: [] }, stamp);
    const http = exchange({});
    await run(http);
    expect(asked).toEqual([]);
    expect(http.res.headers.has('ETag')).toBe(false);
    expect(http.res.headers.get('Link')).toBe(`<${LICENCE}>; rel="license"`);
  });
});
