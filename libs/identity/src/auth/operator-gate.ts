import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendProblem, toProblem } from '@rl/web';
import { AuthErrors } from '../domain/identity.errors';
import { IdentityStore } from '../persistence/identity.repository';
import { CallerLookup } from './caller-lookup';
import { sha256Hex } from './credentials';
import { PasswordLogin } from './password-login';
import { AuthThrottle } from './throttle/auth-throttle';

// A browser dashboard polls every few seconds; re-verifying an argon2 hash each time would burn CPU.
const BASIC_AUTH_CACHE_MS = 60_000;

interface VerifiedOperator {
  userId: string;
  passwordHash: string;
  until: number;
}

// Guards operator-only pages that are plain Express routers (the queue dashboard), outside Nest's
// guards. Accepts an operator's access token, or HTTP Basic with an operator's e-mail and password so
// that a browser can open the page. Basic is a password check like login: throttled alike, and a
// non-operator's right password gets the same 401 as a wrong one (no oracle). A signed-in
// non-operator's bearer token gets 403: it proves nothing about a password.
@Injectable()
export class OperatorGate {
  private readonly verifiedBasic = new Map<string, VerifiedOperator>();

  constructor(
    private readonly callers: CallerLookup,
    private readonly logins: PasswordLogin,
    private readonly throttle: AuthThrottle,
    private readonly store: IdentityStore,
  ) {}

  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      this.authorise(req).then(
        () => next(),
        (error: unknown) => {
          const { problem } = toProblem(error);
          if (problem.status === 401)
            res.setHeader('WWW-Authenticate', 'Basic realm="Rights Ledger operations", charset="UTF-8"');
          sendProblem(res, problem);
        },
      );
    };
  }

  private async authorise(req: Request): Promise<void> {
    const header = req.headers.authorization;
    if (header?.startsWith('Basic ')) return this.basicOperator(req.ip ?? 'unknown', header.slice(6));
    if (!(await this.callers.fromAuthorization(header, null)).isOperator) throw AuthErrors.OPERATOR_ONLY();
  }

  private async basicOperator(address: string, encoded: string): Promise<void> {
    const key = sha256Hex(encoded);
    if (await this.stillVerified(key)) return;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    const email = decoded.slice(0, Math.max(separator, 0));
    // The argon2 check below is only paid within the throttle's budget.
    const attempt = await this.throttle.begin(address, email);
    try {
      const user = await this.logins.verify(email, decoded.slice(separator + 1));
      if (!user.isOperator || user.passwordHash === null) throw AuthErrors.INVALID_CREDENTIALS();
      this.remember(key, {
        userId: user.id,
        passwordHash: user.passwordHash,
        until: Date.now() + BASIC_AUTH_CACHE_MS,
      });
      this.throttle.settle(attempt, true);
    } catch (error) {
      this.throttle.settle(attempt, false);
      throw error;
    }
  }

  // A cached check holds only while the account is still an active operator with the same password.
  private async stillVerified(key: string): Promise<boolean> {
    const cached = this.verifiedBasic.get(key);
    if (cached === undefined) return false;
    const user =
      cached.until > Date.now() ? await this.store.platform((tx) => tx.users.byId(cached.userId)) : null;
    if (user?.active && user.isOperator && user.passwordHash === cached.passwordHash) return true;
    this.verifiedBasic.delete(key);
    return false;
  }

  private remember(key: string, verified: VerifiedOperator): void {
    for (const [k, v] of this.verifiedBasic) if (v.until <= Date.now()) this.verifiedBasic.delete(k);
    this.verifiedBasic.set(key, verified);
  }
}
