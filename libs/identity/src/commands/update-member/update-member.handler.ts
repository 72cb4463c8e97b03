import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { assertCityKeepsACoordinator } from '../../domain/membership-rules';
import { membershipChanges, memberStream } from '../../domain/membership.events';
import { MEMBER_COLUMNS, MemberView } from '../../member.view';
import { assertOrganisationInCity } from '@rl/stakeholders';
import { MembershipRecord } from '../../persistence/membership.entity';
import { UpdateMemberCommand } from './update-member.command';

@CommandHandler(UpdateMemberCommand)
export class UpdateMemberHandler implements ICommandHandler<UpdateMemberCommand, MemberView> {
  constructor(private readonly events: EventStore) {}

  async execute({ cityId, metadata, memberId, changes }: UpdateMemberCommand): Promise<MemberView> {
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new DomainError(
        'bad_request',
        'MEMBER.NOTHING_TO_CHANGE',
        'Give at least one of role, organisationId, active',
      );
    }
    return this.events.transact(cityId, async (tx) => {
      const { em } = tx;
      // Locking the city's coordinators makes the "last coordinator" check safe against concurrent changes.
      const coordinators = await em.find(MembershipRecord, {
        where: { role: 'coordinator', active: true },
        lock: { mode: 'pessimistic_write' },
      });
      const member = await em.findOneBy(MembershipRecord, { tenantId: cityId, userId: memberId });
      if (!member) throw new DomainError('not_found', 'MEMBER.NOT_FOUND', 'No such member in this city');
      // Only its owner turns an offered membership active (by accepting it).
      if (member.pending && changes.active !== undefined) {
        throw new DomainError(
          'conflict',
          'MEMBER.INVITATION_PENDING',
          'This person has not accepted the membership yet',
          [{ field: 'active', message: 'cannot change while the invitation is pending' }],
        );
      }
      assertCityKeepsACoordinator(
        coordinators.map((c) => c.userId),
        { userId: memberId, role: changes.role, active: changes.active },
      );
      await assertOrganisationInCity(em, changes.organisationId, 'MEMBER.UNKNOWN_ORGANISATION');
      await em.update(MembershipRecord, { tenantId: cityId, userId: memberId }, changes);
      const [view] = await em.query<MemberView[]>(
        `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1`,
        [memberId],
      );
      const events = membershipChanges(member, view);
      if (events.length > 0) await tx.append(memberStream(memberId), 'any', events, metadata);
      return view;
    });
  }
}
