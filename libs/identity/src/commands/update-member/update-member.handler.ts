import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { assertCityKeepsACoordinator } from '../../domain/membership-rules';
import { MEMBER_COLUMNS, MemberView } from '../../member.view';
import { MembershipRecord } from '../../persistence/membership.entity';
import { UpdateMemberCommand } from './update-member.command';

@CommandHandler(UpdateMemberCommand)
export class UpdateMemberHandler implements ICommandHandler<UpdateMemberCommand, MemberView> {
  private readonly logger = new Logger('Members');

  constructor(private readonly db: TenantDb) {}

  async execute({ cityId, actorId, memberId, changes }: UpdateMemberCommand): Promise<MemberView> {
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new DomainError(
        'bad_request',
        'MEMBER.NOTHING_TO_CHANGE',
        'Give at least one of role, organisationId, active',
      );
    }
    return this.db.inCity(cityId, async (em) => {
      // Locking the city's coordinators makes the "last coordinator" check safe against concurrent changes.
      const coordinators = await em.find(MembershipRecord, {
        where: { role: 'coordinator', active: true },
        lock: { mode: 'pessimistic_write' },
      });
      const member = await em.findOneBy(MembershipRecord, { tenantId: cityId, userId: memberId });
      if (!member) throw new DomainError('not_found', 'MEMBER.NOT_FOUND', 'No such member in this city');
      assertCityKeepsACoordinator(
        coordinators.map((c) => c.userId),
        { userId: memberId, role: changes.role, active: changes.active },
      );
      await em.update(MembershipRecord, { tenantId: cityId, userId: memberId }, changes);
      // Until role changes become events in the city's log, the structured log is their audit trail.
      this.logger.log(
        { cityId, actorId, memberId, before: { role: member.role, active: member.active }, changes },
        'Membership changed',
      );
      const [view] = await em.query<MemberView[]>(
        `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1`,
        [memberId],
      );
      return view;
    });
  }
}
