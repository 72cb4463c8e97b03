import { EventMetadata, NewEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { AccountEmailData, AccountEmailKind } from '../persistence/account-email.entity';
import { Account, Member, RefreshToken } from '../persistence/identity.repository';

export interface StoredMember extends Member {
  cityId: CityId;
  invitedName: string | null;
  createdAt: Date;
}

export interface StoredInvitation {
  cityId: CityId;
  id: string;
  userId: string;
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
  acceptedAt: Date | null;
}

export interface RecordedEmail {
  id: string;
  userId: string;
  kind: AccountEmailKind;
  data: AccountEmailData;
  token: string | null;
}

// Every table of the store; a transaction that throws puts them back as they were.
export interface IdentityTables {
  accounts: Account[];
  tokens: (RefreshToken & { tokenHash: string })[];
  resets: { id: string; userId: string; tokenHash: string; expiresAt: Date; usedAt: Date | null }[];
  emails: RecordedEmail[];
  cities: { id: CityId; slug: string; name: string; timezone: string }[];
  members: StoredMember[];
  invitations: StoredInvitation[];
  organisations: { cityId: CityId; id: string }[];
  personalKeys: { cityId: CityId; subjectId: string; keyId: string }[];
  appended: { cityId: CityId; streamId: string; events: NewEvent[]; metadata: EventMetadata }[];
}

export const emptyTables = (): IdentityTables => ({
  accounts: [],
  tokens: [],
  resets: [],
  emails: [],
  cities: [],
  members: [],
  invitations: [],
  organisations: [],
  personalKeys: [],
  appended: [],
});
