import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccountMail } from '../../auth/account-mail';
import { MembershipOffers } from '../../auth/membership-offers';
import { MemberErrors } from '../../domain/identity.errors';
import { IdentityStore } from '../../persistence/identity.repository';
import { AddedMemberView } from '../add-member/add-member.command';
import { ReissueInvitationCommand } from './reissue-invitation.command';

@CommandHandler(ReissueInvitationCommand)
export class ReissueInvitationHandler implements ICommandHandler<ReissueInvitationCommand, AddedMemberView> {
  constructor(
    private readonly store: IdentityStore,
    private readonly offers: MembershipOffers,
    private readonly mail: AccountMail,
  ) {}

  async execute({ cityId, metadata, memberId }: ReissueInvitationCommand): Promise<AddedMemberView> {
    const { view, mailId } = await this.store.inCity(cityId, async (tx) => {
      const member = await tx.members.lock(memberId);
      if (!member) throw MemberErrors.NOT_FOUND();
      if (!member.pending) {
        throw MemberErrors.NOT_PENDING({
          errors: [{ field: 'userId', message: 'has no pending invitation' }],
        });
      }
      // A token only ever goes to an account this city created and whose owner has not chosen a password.
      const user = await tx.users.byId(memberId);
      const invited = await tx.invitations.existsFor(memberId);
      const id =
        invited && user?.passwordHash === null
          ? await this.offers.inviteNewAccount(tx, memberId, member.role, metadata.actorId)
          : await this.offers.tellExistingAccount(tx, memberId, member.role);
      return { view: { userId: memberId, role: member.role, status: 'pending' as const }, mailId: id };
    });
    await this.mail.wake([mailId]);
    return view;
  }
}
