import { Injectable } from '@nestjs/common';
import { UserId } from '@rl/kernel';
import { IdentityStore } from '../persistence/identity.repository';
import { SessionIssuer } from './session-issuer';
import { SessionView } from './session.view';

// A new login session: tokens plus who the user is and where they are a member.
@Injectable()
export class SessionOpener {
  constructor(
    private readonly store: IdentityStore,
    private readonly issuer: SessionIssuer,
  ) {}

  open(userId: UserId): Promise<SessionView> {
    return this.store.asUser(userId, async (tx) => {
      const user = await tx.users.byId(userId);
      if (!user) throw new Error(`No account ${userId} to open a session for`);
      const tokens = await this.issuer.issue(tx.sessions, userId);
      return {
        ...tokens,
        user: { id: user.id, email: user.email, name: user.name },
        memberships: await tx.memberships.active(userId),
        isOperator: user.isOperator,
      };
    });
  }
}
