import { Injectable } from '@nestjs/common';
import { AuthErrors } from '../domain/identity.errors';
import { Account, IdentityStore } from '../persistence/identity.repository';
import { PasswordHasher } from './credentials';

// Checks an e-mail address and password; unknown, inactive and wrong all fail alike.
@Injectable()
export class PasswordLogin {
  constructor(
    private readonly store: IdentityStore,
    private readonly passwords: PasswordHasher,
  ) {}

  async verify(email: string, password: string): Promise<Account> {
    const user = await this.store.platform((tx) => tx.users.byEmail(email.toLowerCase()));
    const valid = await this.passwords.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !valid) throw AuthErrors.INVALID_CREDENTIALS();
    return user;
  }
}
