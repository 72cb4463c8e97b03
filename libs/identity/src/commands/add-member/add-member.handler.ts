import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccountMail } from '../../auth/account-mail';
import { MembershipOffers } from '../../auth/membership-offers';
import { membershipDecider } from '../../domain/membership.decider';
import { memberStream } from '../../domain/membership.events';
import { IdentityStore } from '../../persistence/identity.repository';
import { AddedMemberView, AddMemberCommand } from './add-member.command';

@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand, AddedMemberView> {
  constructor(
    private readonly store: IdentityStore,
    private readonly offers: MembershipOffers,
    private readonly mail: AccountMail,
  ) {}

  async execute({ cityId, metadata, input, options }: AddMemberCommand): Promise<AddedMemberView> {
    const email = input.email.toLowerCase();
    const active = options.activeAtOnce === true;
    const organisationId = input.organisationId ?? null;
    const { view, mails } = await this.store.inCity(cityId, async (tx) => {
      // Serialises concurrent invitations of one address so that exactly one account is created.
      await tx.users.lockEmail(email);
      const existing = await tx.users.byEmail(email);
      const userId = existing?.id ?? randomUUID();
      if (!existing) {
        const account = { id: userId, email, name: input.name, passwordHash: null };
        await tx.users.insert({ ...account, locale: input.locale ?? null });
      }
      const events = membershipDecider.decide(
        {
          type: 'AddMember',
          userId,
          role: input.role,
          organisationId,
          alreadyMember: await tx.members.exists(userId),
        },
        null,
      );
      await tx.assertOrganisation(organisationId);
      await tx.members.insert({
        userId,
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
              ? await this.offers.tellExistingAccount(tx, userId, input.role)
              : await this.offers.inviteNewAccount(tx, userId, input.role, metadata.actorId),
          ];
      await tx.append(memberStream(userId), events, metadata);
      const status = active ? ('active' as const) : ('pending' as const);
      return { view: { userId, role: input.role, status }, mails: mailIds };
    });
    await this.mail.wake(mails);
    return view;
  }
}
