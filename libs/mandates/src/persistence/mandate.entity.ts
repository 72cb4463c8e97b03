import { Column, Entity, Index } from 'typeorm';
import { AggregateRow } from '@rl/persistence';
import { MandateScope } from '../domain/mandate.events';

// Read model of the mandates projection; written only by it.
@Entity('mandates')
@Index('IDX_mandates_organisation', ['tenantId', 'organisationId', 'id'])
@Index('IDX_mandates_holder', ['tenantId', 'holderUserId'])
export class MandateRecord extends AggregateRow {
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'holder_user_id', type: 'uuid' })
  holderUserId!: string;

  @Column({ type: 'jsonb' })
  scope!: MandateScope;

  // Calendar days, read as text (YYYY-MM-DD).
  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  // The signer's name: the holder's personal data, blanked when the holder is erased.
  @Column({ name: 'signed_by_name', type: 'text' })
  signedByName!: string;

  @Column({ name: 'signed_by_function', type: 'text' })
  signedByFunction!: string;

  @Column({ name: 'document_ref', type: 'text', nullable: true })
  documentRef!: string | null;

  @Column({ type: 'boolean' })
  revoked!: boolean;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason!: string | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;
}
