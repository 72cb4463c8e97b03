import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { memberStream } from '../../domain/membership.events';
import { InvitationRecord } from '../../persistence/invitation.entity';
import { MembershipRecord } from '../../persistence/membership.entity';
import { AnswerInvitationCommand } from './answer-invitation.command';

const notFound = () =>
  new DomainError('not_found', 'INVITATION.NOT_FOUND', 'No pending invitation of yours has this id');

@CommandHandler(AnswerInvitationCommand)
export class AnswerInvitationHandler implements ICommandHandler<AnswerInvitationCommand, void> {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
  ) {}

  async execute({ userId, cityId, answer }: AnswerInvitationCommand): Promise<void> {
    // Checked under the user's own-memberships policy first: an id of another city reveals nothing.
    const offered = await this.db.asUser(userId, (em) =>
      em.existsBy(MembershipRecord, { tenantId: cityId, userId, pending: true }),
    );
    if (!offered) throw notFound();
    await this.events.transact(cityId, async (tx) => {
      const { em } = tx;
      const member = await em.findOne(MembershipRecord, {
        where: { tenantId: cityId, userId, pending: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) throw notFound();
      // Any token of this city's invitation dies with the answer.
      await em.delete(InvitationRecord, { tenantId: cityId, userId });
      if (answer === 'accept') {
        await em.update(MembershipRecord, { tenantId: cityId, userId }, { pending: false, active: true });
      } else {
        // Nothing is kept: the city may offer again later, and a declined offer never turns active.
        await em.delete(MembershipRecord, { tenantId: cityId, userId });
      }
      const type = answer === 'accept' ? 'MemberInvitationAccepted' : 'MemberInvitationDeclined';
      await tx.append(memberStream(userId), 'any', [{ type, data: { userId } }], { actorId: userId });
    });
  }
}
