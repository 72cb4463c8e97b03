import { AccountEmailRecord } from './account-email.entity';
import { InvitationRecord } from './invitation.entity';
import { MembershipRecord } from './membership.entity';
import { PasswordResetRecord } from './password-reset.entity';
import { RefreshTokenRecord } from './refresh-token.entity';
import { UserRecord } from './user.entity';

export const IDENTITY_ENTITIES = [
  UserRecord,
  MembershipRecord,
  InvitationRecord,
  RefreshTokenRecord,
  PasswordResetRecord,
  AccountEmailRecord,
];
