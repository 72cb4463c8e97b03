import { Injectable } from '@nestjs/common';
import { UserId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { UserRecord } from '../persistence/user.entity';
import { Memberships } from './memberships';
import { SessionIssuer } from './session-issuer';
import { SessionView } from './session.view';

// A new login session: tokens plus who the user is and where they are a member.
@Injectable()
export class SessionOpener {
  constructor(
    private readonly db: TenantDb,
    private readonly issuer: SessionIssuer,
    private readonly memberships: Memberships,
  ) {}

  open(userId: UserId): Promise<SessionView> {
    return this.db.asUser(userId, async (em) => {
      const user = await em.findOneByOrFail(UserRecord, { id: userId });
      const tokens = await this.issuer.issue(em, userId);
      return {
        ...tokens,
        user: { id: user.id, email: user.email, name: user.name },
        memberships: await this.memberships.ofUser(userId, em),
        isOperator: user.isOperator,
      };
    });
  }
}
