import { Injectable } from '@nestjs/common';
import { createPrivateKey, KeyObject } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { keyIdReused } from '../domain/audit.errors';
import { Checkpoint, publicKeyMap, signCheckpoint, UnsignedCheckpoint } from '../domain/checkpoint';

export interface PublicKeyRow {
  keyId: string;
  publicKey: string;
}

// The checkpoint signing key from configuration and every public key that ever signed. The
// signing_keys table remembers keys once used, so GET /v1/public/keys keeps listing them after a
// rotation; for verification, configured keys (current and retired) win over the table, which whoever
// owns the database could have altered.
@Injectable()
export class SigningKeys {
  private readonly privateKey: KeyObject;

  constructor(private readonly config: AppConfig) {
    this.privateKey = createPrivateKey(config.audit.signingKey.privateKeyPem);
  }

  get keyId(): string {
    return this.config.audit.signingKey.keyId;
  }

  // Records the current key before its first checkpoint (in the checkpoint's transaction).
  async remember(em: EntityManager): Promise<void> {
    const { keyId, publicKeyPem } = this.config.audit.signingKey;
    const [known] = await em.query<{ public_key: string }[]>(
      `WITH added AS (
         INSERT INTO signing_keys (key_id, public_key) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING RETURNING public_key)
       SELECT public_key FROM added UNION ALL SELECT public_key FROM signing_keys WHERE key_id = $1`,
      [keyId, publicKeyPem],
    );
    // A new key under an old id would make every earlier checkpoint of that id unverifiable.
    if (known.public_key !== publicKeyPem) throw keyIdReused(keyId);
  }

  sign(checkpoint: UnsignedCheckpoint): Checkpoint {
    return signCheckpoint(checkpoint, this.privateKey);
  }

  // Every key, oldest first: those recorded in the table, then configured ones never used yet.
  async all(em: EntityManager): Promise<PublicKeyRow[]> {
    const stored = await em.query<PublicKeyRow[]>(
      `SELECT key_id AS "keyId", public_key AS "publicKey" FROM signing_keys ORDER BY first_used_at, key_id`,
    );
    const configured = new Map(this.configured().map((k) => [k.keyId, k.publicKey]));
    const listed = stored.map((k) => ({ keyId: k.keyId, publicKey: configured.get(k.keyId) ?? k.publicKey }));
    const unused = [...configured].filter(([keyId]) => !stored.some((k) => k.keyId === keyId));
    return [...listed, ...unused.map(([keyId, publicKey]) => ({ keyId, publicKey }))];
  }

  async trusted(em: EntityManager): Promise<Map<string, KeyObject>> {
    return publicKeyMap(await this.all(em));
  }

  private configured(): PublicKeyRow[] {
    const { signingKey, retiredKeys } = this.config.audit;
    return [signingKey, ...retiredKeys].map((k) => ({ keyId: k.keyId, publicKey: k.publicKeyPem }));
  }
}
