import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@rl/kernel';

const NUL = '\u0000';
const MESSAGE = 'must not contain NUL characters';
// Deeper than any body of the API; walking (or later serialising) deeper nesting overflows the stack.
const MAX_DEPTH = 64;

const invalid = (field: string, message: string) =>
  new DomainError('bad_request', 'REQUEST.INVALID', `Invalid request: ${field}`, [{ field, message }]);

// The first place (dotted path) in a parsed body where a key or string holds a NUL character.
function nulIn(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth === MAX_DEPTH) throw invalid('body', `must not be nested more than ${MAX_DEPTH} levels deep`);
  for (const [key, child] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes(NUL)) return field;
    const found = nulIn(child, field, depth + 1);
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
    throw invalid(name, MESSAGE);
  }
}
