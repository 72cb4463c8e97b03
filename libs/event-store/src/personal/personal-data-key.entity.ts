import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

// One data key per city and person (a user is global, but a key per city keeps row-level security
// simple and lets each city's log be erased on its own). Deleting the row erases the person's text in
// that city's events.
@Entity('personal_data_keys')
@Unique('uq_personal_data_keys_subject', ['tenantId', 'subjectId'])
export class PersonalDataKeyRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'key_id', type: 'uuid' })
  keyId!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  // iv ‖ tag ‖ AES-256-GCM ciphertext of the key under the configured key-encryption key.
  @Column({ name: 'wrapped_key', type: 'bytea' })
  wrappedKey!: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

export const EVENT_STORE_ENTITIES = [PersonalDataKeyRecord];
