import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

// 256 random bits, URL-safe: refresh tokens and invitation secrets.
export const newSecret = () => randomBytes(32).toString('base64url');

@Injectable()
export class PasswordHasher {
  // Verifying against this when the account does not exist keeps login time independent of whether the
  // e-mail address is registered.
  private readonly decoy = argon2.hash(newSecret());

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      await argon2.verify(await this.decoy, password);
      return false;
    }
    return argon2.verify(hash, password);
  }
}
