import { Injectable } from '@nestjs/common';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { UserRecord } from '../persistence/user.entity';
import { PasswordHasher } from './credentials';

export const invalidCredentials = () =>
  new DomainError('unauthenticated', 'AUTH.INVALID_CREDENTIALS', 'E-mail address or password is wrong');

// Checks an e-mail address and password; unknown, inactive and wrong all fail alike.
@Injectable()
export class PasswordLogin {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordHasher,
  ) {}

  async verify(email: string, password: string): Promise<UserRecord> {
    const user = await this.db.platform((em) => em.findOneBy(UserRecord, { email: email.toLowerCase() }));
    const valid = await this.passwords.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !valid) throw invalidCredentials();
    return user;
  }
}
