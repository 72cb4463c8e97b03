import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// A personal field as the log records it: the value's JSON encrypted with the subject's data key
// (AES-256-GCM). The hash of the event covers this envelope, so deleting the key erases the text and
// the chain still verifies.
export interface PersonalEnvelope {
  $personal: { v: 1; subject: string; keyId: string; iv: string; ct: string; tag: string };
}

// Where a sealed value sits: bound into the ciphertext (AAD), so that a ciphertext copied to another
// event, field or city does not decrypt.
export interface FieldPlace {
  cityId: string;
  eventId: string;
  path: string;
}

export interface DataKey {
  keyId: string;
  subject: string;
  key: Buffer;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const fieldAad = (place: FieldPlace, key: { keyId: string; subject: string }) =>
  Buffer.from(
    ['rights-ledger personal field v1', place.cityId, place.eventId, place.path, key.subject, key.keyId].join(
      '\n',
    ),
  );

const keyAad = (cityId: string, key: { keyId: string; subject: string }) =>
  Buffer.from(['rights-ledger data key v1', cityId, key.subject, key.keyId].join('\n'));

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; ct: Buffer; tag: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ct, tag: cipher.getAuthTag() };
}

// Throws when the ciphertext, its tag or its place (AAD) was altered.
function decrypt(key: Buffer, parts: { iv: Buffer; ct: Buffer; tag: Buffer }, aad: Buffer): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES }).setAAD(aad);
  decipher.setAuthTag(parts.tag);
  return Buffer.concat([decipher.update(parts.ct), decipher.final()]);
}

export function isEnvelope(value: unknown): value is PersonalEnvelope {
  return typeof value === 'object' && value !== null && '$personal' in value;
}

export function sealValue(value: unknown, key: DataKey, place: FieldPlace): PersonalEnvelope {
  const { iv, ct, tag } = encrypt(key.key, Buffer.from(JSON.stringify(value)), fieldAad(place, key));
  return {
    $personal: {
      v: 1,
      subject: key.subject,
      keyId: key.keyId,
      iv: iv.toString('base64'),
      ct: ct.toString('base64'),
      tag: tag.toString('base64'),
    },
  };
}

export function openValue(envelope: PersonalEnvelope, key: Buffer, place: FieldPlace): unknown {
  const { iv, ct, tag, keyId, subject } = envelope.$personal;
  try {
    const parts = {
      iv: Buffer.from(iv, 'base64'),
      ct: Buffer.from(ct, 'base64'),
      tag: Buffer.from(tag, 'base64'),
    };
    return JSON.parse(decrypt(key, parts, fieldAad(place, { keyId, subject })).toString()) as unknown;
  } catch {
    throw new Error(
      `Personal field ${place.path} of event ${place.eventId} does not decrypt: altered or moved`,
    );
  }
}

// A data key as stored: iv ‖ tag ‖ ciphertext under the key-encryption key, bound to its city, subject
// and id.
export function wrapKey(kek: Buffer, cityId: string, key: DataKey): Buffer {
  const { iv, ct, tag } = encrypt(kek, key.key, keyAad(cityId, key));
  return Buffer.concat([iv, tag, ct]);
}

export function unwrapKey(
  kek: Buffer,
  cityId: string,
  wrapped: Buffer,
  key: { keyId: string; subject: string },
) {
  const parts = {
    iv: wrapped.subarray(0, IV_BYTES),
    tag: wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    ct: wrapped.subarray(IV_BYTES + TAG_BYTES),
  };
  return decrypt(kek, parts, keyAad(cityId, key));
}

export const newDataKeyBytes = () => randomBytes(32);
