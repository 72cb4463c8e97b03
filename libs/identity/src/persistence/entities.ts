import { InvitationRecord } from './invitation.entity';
import { MembershipRecord } from './membership.entity';
import { RefreshTokenRecord } from './refresh-token.entity';
import { UserRecord } from './user.entity';

export const IDENTITY_ENTITIES = [UserRecord, MembershipRecord, InvitationRecord, RefreshTokenRecord];
