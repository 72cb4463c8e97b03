import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { Public } from '../access.decorators';
import { ApiErrors } from '../api-errors';
import { PublicReadInterceptor } from './public-read.interceptor';
import { PublicReadErrors } from './public-surface';
import { PUBLIC_READ, PublicReadOptions } from './read-stamps';

// The one decorator of an anonymous read: open access, and the ETag/Last-Modified/304 and licence Link
// headers of the interceptor. CORS and the per-address throttle come from the public path itself
// (PublicSurfaceMiddleware), so nothing under /v1/public, /cities or /embed can forget them.
export const PublicRead = (options: PublicReadOptions) =>
  applyDecorators(
    Public(),
    SetMetadata(PUBLIC_READ, options),
    UseInterceptors(PublicReadInterceptor),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description:
        'An ETag of an earlier answer: 304 without a body while the read models it was read from stand still',
    }),
    ApiHeader({
      name: 'If-Modified-Since',
      required: false,
      description: 'As If-None-Match, by Last-Modified',
    }),
    ApiResponse({
      status: 304,
      description:
        'Not modified. Every answer carries ETag (weak, keyed on the positions of the read models it was read ' +
        'from), Last-Modified, Link: <licence>; rel="license", and Access-Control-Allow-Origin: *',
      headers: {
        ETag: {
          description: 'Weak tag of the read models’ positions, the URL and the media type',
          schema: { type: 'string' },
        },
        'Last-Modified': {
          description: 'When one of those read models last moved',
          schema: { type: 'string' },
        },
        Link: { description: 'The licence of the data: <url>; rel="license"', schema: { type: 'string' } },
      },
    }),
    ApiErrors(PublicReadErrors.TOO_MANY_REQUESTS),
  );
