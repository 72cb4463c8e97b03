import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { toProblem } from '@rl/web';
import { UserRecord } from '../persistence/user.entity';
import { CallerLookup } from './caller-lookup';
import { PasswordHasher, sha256Hex } from './credentials';

// A browser dashboard polls every few seconds; re-verifying an argon2 hash each time would burn CPU.
const BASIC_AUTH_CACHE_MS = 60_000;

// Guards operator-only pages that are plain Express routers (the queue dashboard), outside Nest's
// guards. Accepts an operator's access token, or HTTP Basic with an operator's e-mail and password so
// that a browser can open the page.
@Injectable()
export class OperatorGate {
  private readonly verifiedBasic = new Map<string, number>();

  constructor(
    private readonly callers: CallerLookup,
    private readonly db: TenantDb,
    private readonly passwords: PasswordHasher,
  ) {}

  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      this.authorise(req.headers.authorization).then(
        () => next(),
        (error: unknown) => {
          const { problem } = toProblem(error);
          if (problem.status === 401)
            res.setHeader('WWW-Authenticate', 'Basic realm="Rights Ledger operations"');
          res.status(problem.status).type('application/problem+json').json(problem);
        },
      );
    };
  }

  private async authorise(header: string | undefined): Promise<void> {
    const isOperator = header?.startsWith('Basic ')
      ? await this.basicOperator(header.slice('Basic '.length))
      : (await this.callers.fromAuthorization(header, null)).isOperator;
    if (!isOperator)
      throw new DomainError('forbidden', 'AUTH.OPERATOR_ONLY', 'Only platform operators may do this');
  }

  private async basicOperator(encoded: string): Promise<boolean> {
    const key = sha256Hex(encoded);
    if ((this.verifiedBasic.get(key) ?? 0) > Date.now()) return true;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    const email = decoded.slice(0, separator).toLowerCase();
    const user = await this.db.platform((em) => em.findOneBy(UserRecord, { email }));
    const valid =
      separator > 0 &&
      (await this.passwords.verify(user?.active ? user.passwordHash : null, decoded.slice(separator + 1)));
    if (!valid || !user)
      throw new DomainError(
        'unauthenticated',
        'AUTH.INVALID_CREDENTIALS',
        'E-mail address or password is wrong',
      );
    if (user.isOperator) this.verifiedBasic.set(key, Date.now() + BASIC_AUTH_CACHE_MS);
    return user.isOperator;
  }
}
