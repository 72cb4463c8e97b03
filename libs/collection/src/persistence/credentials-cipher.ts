import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from '@rl/config';

export type OdkCredentials = { email: string; password: string };
export type KoboCredentials = { token: string };
export type ConnectionCredentials = OdkCredentials | KoboCredentials;

const IV_BYTES = 12;
const TAG_BYTES = 16;

// AES-256-GCM with the configured key; the city and connection are the associated data, so a
// ciphertext copied onto another connection's row does not decrypt.
@Injectable()
export class CredentialsCipher {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = config.collection.credentialsKey;
  }

  seal(owner: { cityId: string; connectionId: string }, credentials: ConnectionCredentials): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`${owner.cityId}/${owner.connectionId}`));
    const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open(owner: { cityId: string; connectionId: string }, sealed: Buffer): ConnectionCredentials {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`${owner.cityId}/${owner.connectionId}`));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(text.toString('utf8')) as ConnectionCredentials;
  }
}
