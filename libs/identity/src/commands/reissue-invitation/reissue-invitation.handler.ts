import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { AccountMail } from '../../auth/account-mail';
import { MembershipOffers } from '../../auth/membership-offers';
import { InvitationRecord } from '../../persistence/invitation.entity';
import { MembershipRecord } from '../../persistence/membership.entity';
import { UserRecord } from '../../persistence/user.entity';
import { AddedMemberView } from '../add-member/add-member.command';
import { ReissueInvitationCommand } from './reissue-invitation.command';

@CommandHandler(ReissueInvitationCommand)
export class ReissueInvitationHandler implements ICommandHandler<ReissueInvitationCommand, AddedMemberView> {
  constructor(
    private readonly db: TenantDb,
    private readonly offers: MembershipOffers,
    private readonly mail: AccountMail,
  ) {}

  async execute({ cityId, metadata, memberId }: ReissueInvitationCommand): Promise<AddedMemberView> {
    const { view, mailId } = await this.db.inCity(cityId, async (em) => {
      const member = await em.findOne(MembershipRecord, {
        where: { tenantId: cityId, userId: memberId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) throw new DomainError('not_found', 'MEMBER.NOT_FOUND', 'No such member in this city');
      if (!member.pending) {
        throw new DomainError('conflict', 'MEMBER.NOT_PENDING', 'This member has already accepted', [
          { field: 'userId', message: 'has no pending invitation' },
        ]);
      }
      // A token only ever goes to an account this city created and whose owner has not chosen a password.
      const user = await em.findOneByOrFail(UserRecord, { id: memberId });
      const invited = await em.existsBy(InvitationRecord, { tenantId: cityId, userId: memberId });
      const id =
        invited && user.passwordHash === null
          ? await this.offers.inviteNewAccount(em, cityId, memberId, member.role, metadata.actorId)
          : await this.offers.tellExistingAccount(em, cityId, memberId, member.role);
      return { view: { userId: memberId, role: member.role, status: 'pending' as const }, mailId: id };
    });
    await this.mail.wake([mailId]);
    return view;
  }
}
