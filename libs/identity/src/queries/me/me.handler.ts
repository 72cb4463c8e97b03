import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { Memberships } from '../../auth/memberships';
import { UserRecord } from '../../persistence/user.entity';
import { MeQuery, MeView } from './me.query';

@QueryHandler(MeQuery)
export class MeHandler implements IQueryHandler<MeQuery, MeView> {
  constructor(
    private readonly db: TenantDb,
    private readonly memberships: Memberships,
  ) {}

  execute({ userId }: MeQuery): Promise<MeView> {
    return this.db.asUser(userId, async (em) => {
      const user = await em.findOneByOrFail(UserRecord, { id: userId });
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale,
        isOperator: user.isOperator,
        memberships: await this.memberships.ofUser(userId, em),
      };
    });
  }
}
