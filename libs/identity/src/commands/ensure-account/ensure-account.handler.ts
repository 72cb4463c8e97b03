import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '../../auth/credentials';
import { IdentityStore } from '../../persistence/identity.repository';
import { EnsureAccountCommand } from './ensure-account.command';

@CommandHandler(EnsureAccountCommand)
export class EnsureAccountHandler implements ICommandHandler<EnsureAccountCommand> {
  constructor(
    private readonly store: IdentityStore,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ input }: EnsureAccountCommand): Promise<{ userId: string; created: boolean }> {
    const email = input.email.toLowerCase();
    const passwordHash = await this.passwords.hash(input.password);
    const isOperator = input.isOperator ?? false;
    return this.store.platform(async (tx) => {
      await tx.users.insertUnlessTaken({
        id: randomUUID(),
        email,
        name: input.name,
        passwordHash,
        isOperator,
      });
      const user = await tx.users.byEmail(email);
      if (!user) throw new Error(`No account for ${email} after inserting it`);
      if (isOperator && !user.isOperator) await tx.users.grantOperator(user.id);
      // A fresh salt makes every hash unique: only the account just inserted holds this one.
      return { userId: user.id, created: user.passwordHash === passwordHash };
    });
  }
}
