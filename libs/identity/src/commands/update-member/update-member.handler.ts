import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { membershipDecider } from '../../domain/membership.decider';
import { memberStream } from '../../domain/membership.events';
import { MemberView } from '../../member.view';
import { IdentityStore } from '../../persistence/identity.repository';
import { UpdateMemberCommand } from './update-member.command';

@CommandHandler(UpdateMemberCommand)
export class UpdateMemberHandler implements ICommandHandler<UpdateMemberCommand, MemberView> {
  constructor(private readonly store: IdentityStore) {}

  async execute({ cityId, metadata, memberId, changes }: UpdateMemberCommand): Promise<MemberView> {
    return this.store.inCity(cityId, async (tx) => {
      const activeCoordinatorIds = await tx.members.lockActiveCoordinators();
      const member = await tx.members.find(memberId);
      const events = membershipDecider.decide(
        { type: 'UpdateMember', userId: memberId, member, changes, activeCoordinatorIds },
        null,
      );
      await tx.assertOrganisation(changes.organisationId);
      await tx.members.update(memberId, changes);
      const view = await tx.members.view(memberId);
      if (events.length > 0) await tx.append(memberStream(memberId), events, metadata);
      return view;
    });
  }
}
