import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@rl/config';
import { TenantDb } from '@rl/persistence';
import { AccountMail } from '../../auth/account-mail';
import { newSecret, sha256Hex } from '../../auth/credentials';
import { PasswordResetRecord } from '../../persistence/password-reset.entity';
import { UserRecord } from '../../persistence/user.entity';
import { RequestPasswordResetCommand } from './request-password-reset.command';

@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand, void> {
  constructor(
    private readonly db: TenantDb,
    private readonly mail: AccountMail,
    private readonly config: AppConfig,
  ) {}

  async execute({ email }: RequestPasswordResetCommand): Promise<void> {
    const mailId = await this.db.platform(async (em) => {
      const user = await em.findOneBy(UserRecord, { email: email.toLowerCase(), active: true });
      if (!user) return null;
      // One live token per account: a new request kills the previous one.
      await em.delete(PasswordResetRecord, { userId: user.id });
      const secret = newSecret();
      const expiresAt = new Date(Date.now() + this.config.auth.passwordResetTtlMinutes * 60_000);
      await em.insert(PasswordResetRecord, {
        id: randomUUID(),
        userId: user.id,
        tokenHash: sha256Hex(secret),
        expiresAt,
      });
      const data = { expiresAt: expiresAt.toISOString() };
      return this.mail.record(em, user.id, 'account.password-reset', data, secret);
    });
    if (mailId) await this.mail.wake([mailId]);
  }
}
