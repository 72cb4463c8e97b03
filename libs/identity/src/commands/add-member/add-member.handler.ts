import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@rl/config';
import { DomainError } from '@rl/kernel';
import { EventStore } from '@rl/event-store';
import { newSecret, PasswordHasher, sha256Hex } from '../../auth/credentials';
import { memberStream } from '../../domain/membership.events';
import { assertOrganisationInCity } from '@rl/stakeholders';
import { InvitationRecord } from '../../persistence/invitation.entity';
import { MembershipRecord } from '../../persistence/membership.entity';
import { UserRecord } from '../../persistence/user.entity';
import { AddedMemberView, AddMemberCommand } from './add-member.command';

@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand, AddedMemberView> {
  constructor(
    private readonly events: EventStore,
    private readonly passwords: PasswordHasher,
    private readonly config: AppConfig,
  ) {}

  async execute({ cityId, metadata, input }: AddMemberCommand): Promise<AddedMemberView> {
    const email = input.email.toLowerCase();
    const passwordHash = input.password === undefined ? null : await this.passwords.hash(input.password);
    return this.events.transact(cityId, async (tx) => {
      const { em } = tx;
      // Serialises concurrent invitations of one address so that exactly one account is created.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`user-email:${email}`]);
      const existing = await em.findOneBy(UserRecord, { email });
      if (existing && input.password !== undefined) {
        // Someone else's account: a coordinator of one city must not set passwords for another's members.
        throw new DomainError(
          'conflict',
          'MEMBER.ACCOUNT_EXISTS',
          'This e-mail address already has an account; add it without a password',
          [{ field: 'password', message: 'must be omitted for an existing account' }],
        );
      }
      const user =
        existing ??
        (await em.save(
          em.create(UserRecord, {
            id: randomUUID(),
            email,
            name: input.name,
            locale: input.locale ?? null,
            passwordHash,
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
      });
      let view: AddedMemberView = { userId: user.id, role: input.role, existingAccount: existing !== null };
      if (user.passwordHash === null) {
        const secret = newSecret();
        const expiresAt = new Date(Date.now() + this.config.auth.invitationTtlHours * 3_600_000);
        await em.insert(InvitationRecord, {
          tenantId: cityId,
          id: randomUUID(),
          userId: user.id,
          tokenHash: sha256Hex(secret),
          invitedBy: metadata.actorId,
          expiresAt,
        });
        // The city id travels in the token so that accepting it can address the city's rows under RLS.
        view = {
          ...view,
          invitationToken: `${cityId}.${secret}`,
          invitationExpiresAt: expiresAt.toISOString(),
        };
      }
      const added = { type: 'MemberAdded', data: { userId: user.id, role: input.role, organisationId } };
      await tx.append(memberStream(user.id), 'any', [added], metadata);
      return view;
    });
  }
}
