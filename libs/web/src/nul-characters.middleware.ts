import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@rl/kernel';

const NUL = '\u0000';
const MESSAGE = 'must not contain NUL characters';

// The first place (dotted path) in a parsed body where a key or string holds a NUL character.
function nulIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes(NUL)) return field;
    const found = nulIn(child, field);
    if (found !== undefined) return found;
  }
  return undefined;
}

// PostgreSQL text and jsonb cannot hold NUL: refused at the door as a 400 naming the field, before a guard
// looks up a city slug or a handler writes an event (it would otherwise surface as a 500).
@Injectable()
export class NulCharactersMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const [path, query = ''] = req.originalUrl.split('?', 2);
    const queryField = [...new URLSearchParams(query)].find(([k, v]) => `${k}${v}`.includes(NUL))?.[0];
    const field = /%00/i.test(path) ? 'path' : (queryField ?? nulIn(req.body, ''));
    if (field === undefined) return next();
    const name = (field || 'body').replaceAll(NUL, '\\0'); // never echo the character itself
    throw new DomainError('bad_request', 'REQUEST.INVALID', `Invalid request: ${name}`, [
      { field: name, message: MESSAGE },
    ]);
  }
}
