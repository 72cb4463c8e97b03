import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdentityStore } from '../../persistence/identity.repository';
import { MeQuery, MeView } from './me.query';

@QueryHandler(MeQuery)
export class MeHandler implements IQueryHandler<MeQuery, MeView> {
  constructor(private readonly store: IdentityStore) {}

  execute({ userId }: MeQuery): Promise<MeView> {
    return this.store.asUser(userId, async (tx) => {
      const user = await tx.users.byId(userId);
      if (!user) throw new Error(`No account ${userId}`);
      const { id, email, name, locale, isOperator } = user;
      return { id, email, name, locale, isOperator, memberships: await tx.memberships.active(userId) };
    });
  }
}
