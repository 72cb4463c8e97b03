import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@rl/config';
import { CityId } from '@rl/kernel';
import { DataKey, newDataKeyBytes, unwrapKey, wrapKey } from './envelope';

interface KeyRow {
  key_id: string;
  subject_id: string;
  wrapped_key: Buffer;
}

// The per-city, per-person data keys, stored wrapped with the configured key-encryption key. Every call
// runs inside the caller's city transaction (row-level security).
@Injectable()
export class PersonalDataKeys {
  private readonly kek: Buffer;

  constructor(config: AppConfig) {
    this.kek = config.personalData.kek;
  }

  // The current key of each subject, created on first use. Race-safe: a concurrent creator wins the
  // unique (city, subject) key and everyone reads its key afterwards.
  async forSubjects(
    em: EntityManager,
    cityId: CityId,
    subjects: readonly string[],
  ): Promise<Map<string, DataKey>> {
    const fresh = subjects.map((subject) => ({ subject, keyId: uuidv7(), key: newDataKeyBytes() }));
    await em.query(
      `INSERT INTO personal_data_keys (tenant_id, key_id, subject_id, wrapped_key)
       SELECT $1, k, s, decode(w, 'base64') FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(k, s, w)
       ON CONFLICT (tenant_id, subject_id) DO NOTHING`,
      [
        cityId,
        fresh.map((f) => f.keyId),
        fresh.map((f) => f.subject),
        fresh.map((f) => wrapKey(this.kek, cityId, f).toString('base64')),
      ],
    );
    const rows = await em.query<KeyRow[]>(
      `SELECT key_id, subject_id, wrapped_key FROM personal_data_keys WHERE tenant_id = $1 AND subject_id = ANY($2::uuid[])`,
      [cityId, subjects],
    );
    return new Map(rows.map((row) => [row.subject_id, this.unwrap(cityId, row)]));
  }

  // The keys still present among `keyIds`; an erased one is missing from the map.
  async lookup(em: EntityManager, cityId: CityId, keyIds: readonly string[]): Promise<Map<string, Buffer>> {
    const rows = await em.query<KeyRow[]>(
      `SELECT key_id, subject_id, wrapped_key FROM personal_data_keys WHERE tenant_id = $1 AND key_id = ANY($2::uuid[])`,
      [cityId, keyIds],
    );
    return new Map(rows.map((row) => [row.key_id, this.unwrap(cityId, row).key]));
  }

  // Deletes the subject's keys in the city; returns their ids (none when already erased).
  async destroy(em: EntityManager, cityId: CityId, subjectId: string): Promise<string[]> {
    // As a select: a bare DELETE … RETURNING comes back from TypeORM as [rows, count].
    const rows = await em.query<{ key_id: string }[]>(
      `WITH gone AS (DELETE FROM personal_data_keys WHERE tenant_id = $1 AND subject_id = $2 RETURNING key_id)
       SELECT key_id FROM gone`,
      [cityId, subjectId],
    );
    return rows.map((row) => row.key_id);
  }

  private unwrap(cityId: CityId, row: KeyRow): DataKey {
    const id = { keyId: row.key_id, subject: row.subject_id };
    return { ...id, key: unwrapKey(this.kek, cityId, row.wrapped_key, id) };
  }
}
