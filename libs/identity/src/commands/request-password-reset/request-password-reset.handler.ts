import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@rl/config';
import { AccountMail } from '../../auth/account-mail';
import { newSecret, sha256Hex } from '../../auth/credentials';
import { IdentityStore } from '../../persistence/identity.repository';
import { RequestPasswordResetCommand } from './request-password-reset.command';

@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand, void> {
  constructor(
    private readonly store: IdentityStore,
    private readonly mail: AccountMail,
    private readonly config: AppConfig,
  ) {}

  async execute({ email }: RequestPasswordResetCommand): Promise<void> {
    const mailId = await this.store.platform(async (tx) => {
      const user = await tx.users.byEmail(email.toLowerCase());
      if (!user?.active) return null;
      const secret = newSecret();
      const expiresAt = new Date(Date.now() + this.config.auth.passwordResetTtlMinutes * 60_000);
      // One live token per account: a new request kills the previous one.
      await tx.resets.replace({ id: randomUUID(), userId: user.id, tokenHash: sha256Hex(secret), expiresAt });
      const data = { expiresAt: expiresAt.toISOString() };
      return tx.outbox.record(user.id, 'account.password-reset', data, secret);
    });
    if (mailId) await this.mail.wake([mailId]);
  }
}
