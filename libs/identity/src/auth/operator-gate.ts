import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '@rl/kernel';
import { toProblem } from '@rl/web';
import { CallerLookup } from './caller-lookup';
import { sha256Hex } from './credentials';
import { PasswordLogin } from './password-login';

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
    private readonly logins: PasswordLogin,
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
    const user = await this.logins.verify(
      decoded.slice(0, Math.max(separator, 0)),
      decoded.slice(separator + 1),
    );
    if (user.isOperator) this.verifiedBasic.set(key, Date.now() + BASIC_AUTH_CACHE_MS);
    return user.isOperator;
  }
}
