import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvitationErrors } from '../../domain/identity.errors';
import { membershipDecider } from '../../domain/membership.decider';
import { memberStream } from '../../domain/membership.events';
import { IdentityStore } from '../../persistence/identity.repository';
import { AnswerInvitationCommand } from './answer-invitation.command';

@CommandHandler(AnswerInvitationCommand)
export class AnswerInvitationHandler implements ICommandHandler<AnswerInvitationCommand, void> {
  constructor(private readonly store: IdentityStore) {}

  async execute({ userId, cityId, answer }: AnswerInvitationCommand): Promise<void> {
    // Checked under the user's own-memberships policy first: an id of another city reveals nothing.
    const offered = await this.store.asUser(userId, (tx) => tx.memberships.isOffered(userId, cityId));
    if (!offered) throw InvitationErrors.NOT_FOUND();
    await this.store.inCity(cityId, async (tx) => {
      const member = await tx.members.lock(userId, { pending: true });
      if (!member) throw InvitationErrors.NOT_FOUND();
      // Any token of this city's invitation dies with the answer.
      await tx.invitations.removeFor(userId);
      if (answer === 'accept') await tx.members.activate(userId);
      // Nothing is kept: the city may offer again later, and a declined offer never turns active.
      else await tx.members.remove(userId);
      const events = membershipDecider.decide(
        { type: 'AnswerOffer', userId, answer, wasPending: true },
        null,
      );
      await tx.append(memberStream(userId), events, { actorId: userId });
    });
  }
}
