import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@rl/kernel';
import { EventStore } from '@rl/event-store';
import { assertOrganisationInCity } from '@rl/stakeholders';
import { AccountMail } from '../../auth/account-mail';
import { MembershipOffers } from '../../auth/membership-offers';
import { memberStream } from '../../domain/membership.events';
import { MembershipRecord } from '../../persistence/membership.entity';
import { UserRecord } from '../../persistence/user.entity';
import { AddedMemberView, AddMemberCommand } from './add-member.command';

@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand, AddedMemberView> {
  constructor(
    private readonly events: EventStore,
    private readonly offers: MembershipOffers,
    private readonly mail: AccountMail,
  ) {}

  async execute({ cityId, metadata, input, options }: AddMemberCommand): Promise<AddedMemberView> {
    const email = input.email.toLowerCase();
    const active = options.activeAtOnce === true;
    const { view, mails } = await this.events.transact(cityId, async (tx) => {
      const { em } = tx;
      // Serialises concurrent invitations of one address so that exactly one account is created.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`user-email:${email}`]);
      const existing = await em.findOneBy(UserRecord, { email });
      const user =
        existing ??
        (await em.save(
          em.create(UserRecord, {
            id: randomUUID(),
            email,
            name: input.name,
            locale: input.locale ?? null,
            passwordHash: null,
          }),
        ));
      if (await em.existsBy(MembershipRecord, { tenantId: cityId, userId: user.id })) {
        throw new DomainError(
          'conflict',
          'MEMBER.ALREADY_EXISTS',
          'This person is already a member of the city',
          [{ field: 'email', message: 'is already a member; change the role with PATCH' }],
        );
      }
      const organisationId = input.organisationId ?? null;
      await assertOrganisationInCity(em, organisationId, 'MEMBER.UNKNOWN_ORGANISATION');
      await em.insert(MembershipRecord, {
        tenantId: cityId,
        userId: user.id,
        role: input.role,
        organisationId,
        active,
        pending: !active,
        invitedName: input.name,
      });
      const mailIds = active
        ? []
        : [
            existing
              ? await this.offers.tellExistingAccount(em, cityId, user.id, input.role)
              : await this.offers.inviteNewAccount(em, cityId, user.id, input.role, metadata.actorId),
          ];
      const added = { type: 'MemberAdded', data: { userId: user.id, role: input.role, organisationId } };
      await tx.append(memberStream(user.id), 'any', [added], metadata);
      const status = active ? ('active' as const) : ('pending' as const);
      return { view: { userId: user.id, role: input.role, status }, mails: mailIds };
    });
    await this.mail.wake(mails);
    return view;
  }
}
