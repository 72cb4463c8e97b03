export { AddMemberCommand } from './commands/add-member/add-member.command';
export { EnsureAccountCommand, EnsureAccountInput } from './commands/ensure-account/ensure-account.command';
export { IdentityModule } from './identity.module';
export { IDENTITY_ENTITIES } from './persistence/entities';
export { OperatorGate } from './auth/operator-gate';
export { UpdateMemberCommand } from './commands/update-member/update-member.command';
export { AccountMail, accountEmailJobId } from './auth/account-mail';
