import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The Ed25519 key that signs checkpoints of each city's head, and the public keys of earlier ones.
export interface SigningKeyConfig {
  readonly keyId: string;
  // PKCS#8 PEM.
  readonly privateKeyPem: string;
  // SPKI PEM, as GET /v1/public/keys publishes it.
  readonly publicKeyPem: string;
}

export interface PublicKeyConfig {
  readonly keyId: string;
  readonly publicKeyPem: string;
}

export const KEY_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

// A key id that needs no configuration: the SPKI fingerprint, so the same key always gets the same id.
export const defaultKeyId = (publicKey: KeyObject): string =>
  'ed25519-' +
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

// .env files and container settings often cannot hold newlines: accept them written as \n.
export const normalisePem = (pem: string) => pem.replace(/\\n/g, '\n').trim() + '\n';

const ed25519 = (key: KeyObject, what: string): KeyObject => {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} is not an Ed25519 key`);
  return key;
};

// Thrown with the message the config error shows next to the variable's name.
export function parseSigningKey(pem: string, keyId: string | undefined): SigningKeyConfig {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(normalisePem(pem));
  } catch {
    throw new Error('is not a PEM private key');
  }
  const publicKey = createPublicKey(ed25519(privateKey, 'the private key'));
  return {
    keyId: keyId ?? defaultKeyId(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`cannot read ${path}`);
  }
}

// Entries separated by commas: `<keyId>=<file with an SPKI PEM>` or just the file (id = fingerprint).
export function parseRetiredKeys(list: string): PublicKeyConfig[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const split = entry.indexOf('=');
      const keyId = split > 0 ? entry.slice(0, split) : undefined;
      if (keyId !== undefined && !KEY_ID_PATTERN.test(keyId)) throw new Error(`key id ${keyId} is invalid`);
      const path = split > 0 ? entry.slice(split + 1) : entry;
      let publicKey: KeyObject;
      try {
        publicKey = createPublicKey(readKeyFile(path));
      } catch (error) {
        throw new Error(
          error instanceof Error && error.message.startsWith('cannot read')
            ? error.message
            : `${path} holds no PEM public key`,
        );
      }
      ed25519(publicKey, path);
      return {
        keyId: keyId ?? defaultKeyId(publicKey),
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      };
    });
}
