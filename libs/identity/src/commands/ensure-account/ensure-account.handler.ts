import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { TenantDb } from '@rl/persistence';
import { PasswordHasher } from '../../auth/credentials';
import { UserRecord } from '../../persistence/user.entity';
import { EnsureAccountCommand } from './ensure-account.command';

@CommandHandler(EnsureAccountCommand)
export class EnsureAccountHandler implements ICommandHandler<EnsureAccountCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ input }: EnsureAccountCommand): Promise<{ userId: string; created: boolean }> {
    const email = input.email.toLowerCase();
    const passwordHash = await this.passwords.hash(input.password);
    return this.db.platform(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(UserRecord)
        .values({
          id: randomUUID(),
          email,
          name: input.name,
          passwordHash,
          isOperator: input.isOperator ?? false,
        })
        .orIgnore()
        .execute();
      const user = await em.findOneByOrFail(UserRecord, { email });
      if (input.isOperator && !user.isOperator)
        await em.update(UserRecord, { id: user.id }, { isOperator: true });
      return { userId: user.id, created: user.passwordHash === passwordHash };
    });
  }
}
